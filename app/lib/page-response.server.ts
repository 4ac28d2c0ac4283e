import { Writable } from "node:stream";

/**
 * Once React has all of a page ready (`onAllReady`), `pipe` writes it in one go: collect it and answer with
 * one buffer, so the page is one write and one compression pass, rather than each ~2 KB chunk passing through
 * a Node stream, a web stream and the compressor on its own. The portal's entry and the benchmark's ceiling
 * app both render this way.
 */
export function collectPage(pipe: (destination: Writable) => void, headers: Headers, status: number): Promise<Response> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    pipe(
      new Writable({
        // Not destroyed when finished: React takes a "close" as the reader going away and would abort.
        autoDestroy: false,
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
        final(done) {
          headers.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(Buffer.concat(chunks), { headers, status }));
          done();
        },
      }),
    );
  });
}
