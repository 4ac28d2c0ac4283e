import type { Readable } from "node:stream";
import type { FileStorage } from "./storage.server";

/**
 * A stored file as an HTTP response, with byte ranges so a video can seek: 206 with Content-Range for
 * one satisfiable range, 416 with `bytes *\/size` for one that is not, the whole file (200) otherwise.
 * The body is read from storage in chunks as the client takes them, so memory does not grow with the
 * file's size.
 */

export type ByteRange = { start: number; end: number };

/**
 * Reads a Range header for a file of `size` bytes (RFC 9110 §14.1.2): a range, "unsatisfiable", or
 * undefined to send the whole file (no header, another unit, several ranges, or one we cannot read).
 */
export function parseRange(header: string | null, size: number): ByteRange | "unsatisfiable" | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first, last] = match;
  if (!first && !last) return undefined;
  if (!first) {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last ? Math.min(Number(last), size - 1) : size - 1;
  if (last && Number(last) < start) return undefined;
  if (start >= size) return "unsatisfiable";
  return { start, end };
}

/** `attachment; filename="..."; filename*=UTF-8''...` (RFC 6266): an ASCII fallback and the exact name. */
export function contentDisposition(kind: "inline" | "attachment", filename: string): string {
  const ascii = filename
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\%]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii || "download"}"; filename*=UTF-8''${encoded}`;
}

/** A web stream that reads the next chunk from the file only when the consumer asks for it. */
function pullStream(source: Readable, signal: AbortSignal): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const stop = () => source.destroy();
  signal.addEventListener("abort", stop, { once: true });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await iterator.next();
          if (done) {
            signal.removeEventListener("abort", stop);
            controller.close();
          } else {
            controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
          }
        } catch (error) {
          controller.error(error);
        }
      },
      cancel() {
        stop();
      },
    },
    { highWaterMark: 0 },
  );
}

export interface ServedFile {
  /** `id` names this stored file for caching: a file stored under it never changes. */
  file: { id: string | number; storage_key: string; content_type: string };
  /** The name a browser saves it as. */
  downloadName: string;
  disposition: "inline" | "attachment";
}

export async function fileResponse(request: Request, storage: FileStorage, served: ServedFile): Promise<Response> {
  const size = await storage.size(served.file.storage_key);
  if (size === undefined) throw new Response(null, { status: 404 });
  // The stored file never changes under its key, so its id and size identify this version.
  const etag = `"${served.file.id}-${size}"`;
  const headers = new Headers({
    "Content-Type": served.file.content_type,
    "Content-Disposition": contentDisposition(served.disposition, served.downloadName),
    // No-transform: compression must not re-encode a byte range. (X-Content-Type-Options: nosniff
    // comes with every response from server/security.ts.)
    "Cache-Control": "private, no-transform",
    "Accept-Ranges": "bytes",
    ETag: etag,
  });
  const head = request.method === "HEAD";
  const ifRange = request.headers.get("if-range");
  // Range is defined for GET only (RFC 9110 section 14.2): a HEAD answers as its GET without Range would.
  const range = head || (ifRange && ifRange !== etag) ? undefined : parseRange(request.headers.get("range"), size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  if (range) {
    headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
    headers.set("Content-Length", String(range.end - range.start + 1));
    const body = pullStream(storage.read(served.file.storage_key, range), request.signal);
    return new Response(body, { status: 206, headers });
  }
  headers.set("Content-Length", String(size));
  const body = head || size === 0 ? null : pullStream(storage.read(served.file.storage_key), request.signal);
  return new Response(body, { status: 200, headers });
}
