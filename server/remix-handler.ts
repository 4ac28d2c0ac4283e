import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createReadableStreamFromReadable, createRequestHandler as createRemixHandler } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { limitBody, requestBodyLimit, sendBodyTooLarge } from "./request-limits";

/**
 * Serves the Remix app, as @remix-run/express does, but with the request body counted as it streams:
 * a body without a declared length (chunked) that runs over its route's limit gets the 413 page at once,
 * the rest of it is read and dropped rather than kept, and the app's request is aborted so the action
 * stops without an error in the log.
 */
export function remixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "development" | "production";
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}): RequestHandler {
  const handle = createRemixHandler(options.build, options.mode);
  return async (req, res, next) => {
    const aborted = new AbortController();
    let refused = false;
    // Stop loaders and actions once no response can be written (the client went away).
    res.on("close", () => {
      if (!res.writableFinished) aborted.abort();
    });
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        for (const one of [value ?? []].flat()) headers.append(name, one);
      }
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(remixUrl(req), {
        method: req.method,
        headers,
        signal: aborted.signal,
        ...(hasBody && {
          body: limitBody(createReadableStreamFromReadable(req), requestBodyLimit(req.path, req.get("content-type")), () => {
            refused = true;
            req.removeAllListeners("data");
            req.resume();
            if (!res.headersSent) sendBodyTooLarge(res, req.path, req.get("content-type"));
            aborted.abort();
          }),
          duplex: "half",
        }),
      } as RequestInit);
      const response = await handle(request, options.getLoadContext(req, res));
      if (refused) return;
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      if (response.body) await writeBody(response.body, res);
      else res.end();
    } catch (error) {
      if (refused) return;
      next(error);
    }
  };
}

const NEXT_TURN = Symbol("next turn");

/** A batch this large is written without waiting for the turn to end, so a fast stream cannot pile up in memory. */
const BATCH_BYTES = 64 * 1024;

/**
 * Sends the app's response body as @remix-run/node's writeReadableStreamToWritable does, but writes the
 * chunks that are ready in the same turn of the event loop together. React hands a page over in ~2 KB
 * chunks and Remix flushes the compressor after each one, so a page took a dozen writes, compressor
 * flushes and thread-pool trips; now a page rendered in one go is one `end(body)`: one compression pass,
 * and none at all under compression's 1 KB threshold. A body that arrives in parts (a deferred loader)
 * is still written and flushed part by part as each part is ready.
 *
 * Unlike Remix's writer it waits for the client: when the socket's buffer is full it reads no more until
 * "drain", so a large file (a recording) sent to a slow viewer is not read into memory whole, and a client
 * that goes away stops the reading.
 */
async function writeBody(body: ReadableStream<Uint8Array>, res: ExpressResponse): Promise<void> {
  const reader = body.getReader();
  const flushable = res as ExpressResponse & { flush?: () => void };
  const batch: Uint8Array[] = [];
  let batchBytes = 0;
  const joined = () => (batch.length === 1 ? batch[0]! : Buffer.concat(batch));
  /** Writes the batch; false when the client has gone and nothing more should be read. */
  const send = async (): Promise<boolean> => {
    if (!res.destroyed) {
      const more = res.write(joined());
      flushable.flush?.();
      batch.length = 0;
      batchBytes = 0;
      if (!more && !res.destroyed) await drained(res);
      if (!res.destroyed) return true;
    }
    await reader.cancel();
    return false;
  };
  try {
    let next = reader.read();
    let turnEnds: Promise<typeof NEXT_TURN> | undefined;
    while (true) {
      const result = turnEnds ? await Promise.race([next, turnEnds]) : await next;
      if (result === NEXT_TURN) {
        turnEnds = undefined;
        if (!(await send())) return;
        continue;
      }
      if (result.done) {
        res.end(batch.length ? joined() : undefined);
        return;
      }
      batch.push(result.value);
      batchBytes += result.value.byteLength;
      if (batchBytes >= BATCH_BYTES) {
        turnEnds = undefined;
        if (!(await send())) return;
      } else {
        turnEnds ??= new Promise((resolve) => setImmediate(resolve, NEXT_TURN));
      }
      next = reader.read();
    }
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  }
}

/** Resolves when the response's buffer has room again, or the client has gone. */
function drained(res: ExpressResponse): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      res.off("drain", go);
      res.off("close", go);
      resolve();
    };
    res.on("drain", go);
    res.on("close", go);
  });
}

/** The URL as the app should see it: `req.hostname` honours `trust proxy`; the port comes from X-Forwarded-Host or Host. */
function remixUrl(req: ExpressRequest): string {
  const port = [req.get("x-forwarded-host"), req.get("host")]
    .map((host) => Number.parseInt(host?.split(":")[1] ?? "", 10))
    .find((value) => Number.isSafeInteger(value));
  return `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`;
}

