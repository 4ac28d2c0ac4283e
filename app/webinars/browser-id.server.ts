import { randomToken } from "~/auth/tokens.server";
import { config } from "~/config.server";
import { readCookie } from "~/lib/cookies.server";

/**
 * A random id kept in a cookie, so staff can see when one joining link was used from several
 * browsers (a sign it was forwarded). It identifies nothing but the browser, and is stored hashed.
 */
const COOKIE = "spn_browser";
const FORMAT = /^[a-z2-7]{26}$/;

export function browserIdFor(request: Request): { browserId: string; setCookie: string | null } {
  const sent = readCookie(request, COOKIE);
  if (sent && FORMAT.test(sent)) return { browserId: sent, setCookie: null };
  const browserId = randomToken(16);
  const secure = config().secureCookies ? "; Secure" : "";
  return { browserId, setCookie: `${COOKIE}=${browserId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${400 * 24 * 60 * 60}${secure}` };
}
