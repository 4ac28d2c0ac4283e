import type { Request, Response } from "express";

/** How long a refused request's remaining body is read and dropped before the connection is closed. */
const LINGER_MS = 2_000;

/**
 * A minimal page for requests refused before the app runs (wrong content type, body too large), so a
 * person who meets one still gets a titled page with a way back. Callers pass fixed text only.
 */
export function sendPlainPage(res: Response, status: number, title: string, message: string): void {
  res.set({ "Cache-Control": "no-store" });
  res
    .status(status)
    .type("html")
    .send(
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${title} – Social Prescribing Network</title></head>` +
        `<body><h1>${title}</h1><p>${message}</p><p><a href="/">Go to the Social Prescribing Network home page</a></p></body></html>\n`,
    );
  lingerOverUnreadBody(res.req);
}

/**
 * The refused body was not read. Closing the connection at once resets it while the client is still
 * sending, and a reset can throw away the refusal before the client reads it (the client sees EPIPE,
 * not the page). So, like a web server's lingering close, the rest is read and dropped, in constant
 * memory, and the connection is closed if it has not ended within a short time.
 */
function lingerOverUnreadBody(req: Request): void {
  if (req.complete) return;
  req.resume();
  const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
  timer.unref();
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
}
