import type { Response } from "express";

/**
 * A minimal page for requests refused before the app runs (wrong content type, body too large), so a
 * person who meets one still gets a titled page with a way back. Callers pass fixed text only.
 */
export function sendPlainPage(res: Response, status: number, title: string, message: string): void {
  // The request body was not read: close the connection rather than reuse it with the body still coming.
  res.set({ Connection: "close", "Cache-Control": "no-store" });
  res
    .status(status)
    .type("html")
    .send(
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${title} – Social Prescribing Network</title></head>` +
        `<body><h1>${title}</h1><p>${message}</p><p><a href="/">Go to the Social Prescribing Network home page</a></p></body></html>\n`,
    );
}
