import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createReadableStreamFromReadable, createRequestHandler as createRemixHandler } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { bodyLimitFor, limitBody, sendBodyTooLarge } from "./request-limits";

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
          body: limitBody(createReadableStreamFromReadable(req), bodyLimitFor(req.path), () => {
            refused = true;
            req.removeAllListeners("data");
            req.resume();
            if (!res.headersSent) sendBodyTooLarge(res);
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

/**
 * Sends the app's response body as @remix-run/node's writeReadableStreamToWritable does, but writes the
 * chunks that are ready in the same turn of the event loop together. React hands a page over in ~2 KB
 * chunks and Remix flushes the compressor after each one, so a page took a dozen writes, compressor
 * flushes and thread-pool trips; now a page rendered in one go is one `end(body)`: one compression pass,
 * and none at all under compression's 1 KB threshold. A body that arrives in parts (a deferred loader)
 * is still written and flushed part by part as each part is ready.
 */
async function writeBody(body: ReadableStream<Uint8Array>, res: ExpressResponse): Promise<void> {
  const reader = body.getReader();
  const flushable = res as ExpressResponse & { flush?: () => void };
  const batch: Uint8Array[] = [];
  const joined = () => (batch.length === 1 ? batch[0]! : Buffer.concat(batch));
  try {
    let next = reader.read();
    let turnEnds: Promise<typeof NEXT_TURN> | undefined;
    while (true) {
      const result = turnEnds ? await Promise.race([next, turnEnds]) : await next;
      if (result === NEXT_TURN) {
        res.write(joined());
        flushable.flush?.();
        batch.length = 0;
        turnEnds = undefined;
        continue;
      }
      if (result.done) {
        res.end(batch.length ? joined() : undefined);
        return;
      }
      batch.push(result.value);
      turnEnds ??= new Promise((resolve) => setImmediate(resolve, NEXT_TURN));
      next = reader.read();
    }
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  }
}

/** The URL as the app should see it: `req.hostname` honours `trust proxy`; the port comes from X-Forwarded-Host or Host. */
function remixUrl(req: ExpressRequest): string {
  const port = [req.get("x-forwarded-host"), req.get("host")]
    .map((host) => Number.parseInt(host?.split(":")[1] ?? "", 10))
    .find((value) => Number.isSafeInteger(value));
  return `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`;
}
