import type { Response } from "express";
import type { RequestHandler } from "express";

/** Runs `adjust` just before the response's headers go out, after every handler has set its own. */
export function beforeHeaders(res: Response, adjust: () => void): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    adjust();
    return writeHead.apply(this, args);
  } as Response["writeHead"];
}

// The session cookie's two names (sessionCookieName in the sessions module: __Host- over https).
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?spn_session=/;

/**
 * A signed-in member's pages and `.data` responses, and any response that sets a cookie, must not be
 * kept by a browser or a shared cache. Mounted after the static files, so public assets stay cacheable.
 */
export const privateWhenSignedIn: RequestHandler = (req, res, next) => {
  const signedIn = SESSION_COOKIE.test(req.get("cookie") ?? "");
  beforeHeaders(res, () => {
    if (signedIn || res.hasHeader("set-cookie")) res.setHeader("Cache-Control", "private, no-store");
  });
  next();
};
