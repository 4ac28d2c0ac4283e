/**
 * The baseline for streaming a recording: plain Node serving one file with byte ranges, nothing else
 * (no framework, no session, no database), `fs.createReadStream(...).pipe(res)` so Node's own
 * backpressure applies. bench/recordings.ts runs it next to the portal on the same file.
 *
 *   node bench/support/plain-file-server.mjs <file> <port>
 */
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";

const [file, port] = process.argv.slice(2);
const size = statSync(file).size;

createServer((req, res) => {
  const match = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
  if (!match) {
    res.writeHead(200, { "Content-Type": "video/mp4", "Content-Length": size, "Accept-Ranges": "bytes" });
    createReadStream(file).pipe(res);
    return;
  }
  const start = Number(match[1]);
  const end = Math.min(match[2] ? Number(match[2]) : size - 1, size - 1);
  if (start >= size) {
    res.writeHead(416, { "Content-Range": `bytes */${size}` }).end();
    return;
  }
  res.writeHead(206, { "Content-Type": "video/mp4", "Content-Length": end - start + 1, "Content-Range": `bytes ${start}-${end}/${size}` });
  createReadStream(file, { start, end }).pipe(res);
}).listen(Number(port), () => console.log(`plain file server on ${port}`));
