import { createHmac, timingSafeEqual } from "node:crypto";
import { redirect } from "@remix-run/node";
import { config } from "~/config.server";
import { readCookie } from "./cookies.server";

/**
 * One-time messages ("Rule removed for example.org.uk.") carried from an action to the page it
 * redirects to, in a cookie the portal signs (HMAC-SHA-256 with SESSION_SECRET): a link cannot
 * make a page show a message nobody earned, as a `?removed=` query string could. The cookie names
 * the page it is for; that page reads it once and clears it.
 */
const MAX_AGE_SECONDS = 120;

function cookieName(): string {
  // As the session cookie: the __Host- prefix pins it to this origin over https.
  return config().secureCookies ? "__Host-spn_flash" : "spn_flash";
}

function cookieAttributes(maxAgeSeconds: number): string {
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${config().secureCookies ? "; Secure" : ""}`;
}

// "flash:" keeps these signatures apart from the portal's other keyed hashes of the same secret.
function sign(payload: string): string {
  return createHmac("sha256", config().sessionSecret).update(`flash:${payload}`).digest("base64url");
}

function signatureMatches(payload: string, signature: string): boolean {
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface Flash {
  message: string;
  /** What happened, for a page that shows more than the message for some outcomes (e.g. "joiner-decided"). */
  kind?: string;
}

/** Set-Cookie for a message the page at `path` shows once. */
export function flashCookie(path: string, flash: Flash): string {
  const payload = Buffer.from(JSON.stringify({ path, ...flash })).toString("base64url");
  return `${cookieName()}=${payload}.${sign(payload)}; ${cookieAttributes(MAX_AGE_SECONDS)}`;
}

/** A redirect to `to` whose page shows `message` once. */
export function redirectWithFlash(to: string, message: string, options: { kind?: string } = {}): Response {
  const path = new URL(to, "http://portal.invalid").pathname;
  return redirect(to, { headers: { "Set-Cookie": flashCookie(path, { message, ...options }) } });
}

function parse(value: string): (Flash & { path: string }) | null {
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined || !signatureMatches(payload, signature)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return null;
    const { path, message, kind } = parsed as Record<string, unknown>;
    if (typeof path !== "string" || typeof message !== "string") return null;
    return { path, message, kind: typeof kind === "string" ? kind : undefined };
  } catch {
    return null;
  }
}

/**
 * The message for this page, if the request carries one, and the headers to send with the page
 * (they clear the cookie once read). A message for another page is left for it; a cookie that is
 * not the portal's is cleared and ignored.
 */
export function readFlash(request: Request): { message: string | null; kind: string | null; headers: HeadersInit } {
  const value = readCookie(request, cookieName());
  if (value === null) return { message: null, kind: null, headers: {} };
  const flash = parse(value);
  if (flash && flash.path !== new URL(request.url).pathname) return { message: null, kind: null, headers: {} };
  return { message: flash?.message ?? null, kind: flash?.kind ?? null, headers: { "Set-Cookie": `${cookieName()}=; ${cookieAttributes(0)}` } };
}
