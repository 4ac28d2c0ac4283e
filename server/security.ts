import { randomBytes } from "node:crypto";
import type { RequestHandler, Response } from "express";
import helmet from "helmet";
// The bulletin's two narrow exceptions (the one-click unsubscribe; the email preview page), defined beside its routes.
import { BULLETIN_EMAIL_CSP, isBulletinEmailPage } from "../app/bulletin/http-rules";
import { isOneClickUnsubscribe } from "../app/mail/one-click-unsubscribe";
import { beforeHeaders } from "./response-headers";

/** Per-request nonce for the inline scripts Remix renders. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
};

/**
 * Powerful browser features no page of the portal uses, turned off for every page and anything it
 * frames (a recording's embedded player keeps what it needs, such as fullscreen, by the browser's defaults).
 */
const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()";

/**
 * Strict security headers. Captured-email HTML (/dev/mail/:id/html) gets a locked-down sandbox
 * policy of its own because email markup relies on inline styles. `frameHosts` (RECORDING_EMBED_HOSTS)
 * are the only hosts a page may ask to frame (see allowPageFrameSources).
 */
export function securityHeaders({
  development,
  https,
  frameHosts = [],
}: {
  development: boolean;
  https: boolean;
  frameHosts?: readonly string[];
}): RequestHandler {
  const site = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`],
        "style-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        "img-src": ["'self'", "data:"],
        // No web font from another host: app/ui/app.css uses installed fonts instead of nhsuk-frontend's Frutiger.
        "font-src": ["'self'"],
        "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        ...(https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    frameguard: { action: "deny" },
  });
  const capturedEmail = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'none'"],
        "style-src": ["'unsafe-inline'"],
        "img-src": ["data:"],
        "frame-ancestors": ["'self'"],
        sandbox: [],
      },
    },
    frameguard: { action: "sameorigin" },
    referrerPolicy: { policy: "no-referrer" },
  });
  const bulletinEmail = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: BULLETIN_EMAIL_CSP },
    frameguard: { action: "sameorigin" },
    referrerPolicy: { policy: "no-referrer" },
  });
  return (req, res, next) => {
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    if (isBulletinEmailPage(req.path)) return bulletinEmail(req, res, next);
    if (/^\/dev\/mail\/[^/]+\/html$/.test(req.path)) return capturedEmail(req, res, next);
    allowPageFrameSources(res, frameHosts);
    site(req, res, next);
  };
}

/** A page that embeds a player from an allowed host (a recording) names its origin in this header. */
const FRAME_SOURCES_HEADER = "x-portal-frame-sources";
const HTTPS_ORIGIN = /^https:\/\/([a-z0-9.-]+)(:\d+)?$/;

/**
 * Adds the origins a page names in X-Portal-Frame-Sources to that page's CSP as frame-src, just
 * before the headers are sent, and drops the header. Only https origins on a configured host pass, so
 * a page can frame a player it chose from the allowed hosts and nothing changes for any other page.
 */
function allowPageFrameSources(res: Response, frameHosts: readonly string[]): void {
  beforeHeaders(res, () => {
    const named = res.getHeader(FRAME_SOURCES_HEADER);
    if (named === undefined) return;
    res.removeHeader(FRAME_SOURCES_HEADER);
    const origins = String(named).split(/[\s,]+/).filter((origin) => frameHosts.includes(HTTPS_ORIGIN.exec(origin)?.[1] ?? ""));
    const policy = res.getHeader("content-security-policy");
    if (origins.length && typeof policy === "string") res.setHeader("Content-Security-Policy", `${policy};frame-src ${origins.join(" ")}`);
  });
}

/**
 * CSRF defence for every state-changing request (see docs/decisions/0003-csrf.md): browsers send
 * Origin and Sec-Fetch-Site on POST; a request from another site is refused before any action runs.
 */
export function sameOriginWrites(appOrigin: string): RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    if (isOneClickUnsubscribe(req)) {
      // Meant to come from anywhere; Remix would otherwise refuse an action whose Origin is not this host.
      delete req.headers.origin;
      return next();
    }
    const origin = req.get("origin");
    const fetchSite = req.get("sec-fetch-site");
    const crossSite = fetchSite === "cross-site" || (origin !== undefined && origin !== "null" && origin !== appOrigin);
    if (crossSite || origin === "null") {
      res.status(403).type("text/plain").send("Forbidden: this form was submitted from another site.");
      return;
    }
    next();
  };
}
