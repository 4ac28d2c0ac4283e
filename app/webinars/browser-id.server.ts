import { randomToken } from "~/auth/tokens.server";
import { config } from "~/config.server";

/**
 * A random id kept in a cookie, so staff can see when one joining link was used from several
 * browsers (a sign it was forwarded). It identifies nothing but the browser, and is stored hashed.
 */
const COOKIE = "spn_browser";
const FORMAT = /^[a-z2-7]{26}$/;

export function browserIdFor(request: Request): { browserId: string; setCookie: string | null } {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, value] = part.trim().split("=");
    if (key === COOKIE && value && FORMAT.test(value)) return { browserId: value, setCookie: null };
  }
  const browserId = randomToken(16);
  const secure = config().secureCookies ? "; Secure" : "";
  return { browserId, setCookie: `${COOKIE}=${browserId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${400 * 24 * 60 * 60}${secure}` };
}
