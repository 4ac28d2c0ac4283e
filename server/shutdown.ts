import type { Server } from "node:http";
import type { RequestHandler } from "express";
import { beforeHeaders } from "./response-headers";

/** How long requests already under way may take to finish once the server is told to stop. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops a server gracefully: no new connections, idle ones closed, requests under way allowed to
 * finish (their connections close after the response, via `closeAfterResponseWhen`), and anything
 * still open after `graceMs` cut. Resolves when every connection has gone.
 */
export function closeServer(server: Server, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** While stopping, every response asks the client to close its connection instead of keeping it alive. */
export function closeAfterResponseWhen(stopping: () => boolean): RequestHandler {
  return (_req, res, next) => {
    beforeHeaders(res, () => {
      if (stopping()) res.setHeader("Connection", "close");
    });
    next();
  };
}

/** Runs `stop` once on SIGTERM or SIGINT, then exits 0 (1 if stopping failed). */
export function onStopSignal(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", handle);
  process.on("SIGINT", handle);
}
