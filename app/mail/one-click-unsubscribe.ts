/**
 * One-click unsubscribe (RFC 8058) for every list email the portal sends (the bulletin, the workspaces' daily
 * email, webinar and event emails). The server's same-origin check (server/security.ts) lets these POSTs
 * through, so this file has no imports: the server loads it directly.
 *
 * The rule is a naming convention rather than a list of features: a list's unsubscribe route is
 * `/unsubscribe/<token>` or `/<feature>/unsubscribe/<token>`, its token 160 random bits in lower-case
 * base32 (`randomToken()`), and its action does nothing but unsubscribe the token's owner. (The token's
 * shape is `RANDOM_TOKEN` in app/auth/tokens.server.ts, written out here because this file imports nothing.)
 */
const ONE_CLICK_PATH = /^(?:\/[a-z][a-z-]*)?\/unsubscribe\/[a-z2-7]{32}$/;

/** The largest one-click body a mail provider sends: "List-Unsubscribe=One-Click", or that as multipart. */
const ONE_CLICK_MAX_BYTES = 1024;

interface RequestLike {
  method: string;
  path: string;
  get(name: string): string | undefined;
}

/**
 * A one-click unsubscribe: a mail provider, or a webmail page in someone's browser, POSTs
 * `List-Unsubscribe=One-Click` to the address in the List-Unsubscribe header, without cookies and often
 * from another site, so the same-origin check lets it through. Only for POST to exactly an unsubscribe
 * path as above with a small form body.
 */
export function isOneClickUnsubscribe(req: RequestLike): boolean {
  if (req.method !== "POST" || !ONE_CLICK_PATH.test(req.path)) return false;
  const type = (req.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") return false;
  const length = Number(req.get("content-length"));
  return Number.isInteger(length) && length > 0 && length <= ONE_CLICK_MAX_BYTES;
}

/** The form a one-click unsubscribe sends, exactly: one field, `List-Unsubscribe=One-Click`. */
export function isOneClickForm(form: FormData): boolean {
  const entries = [...form.entries()];
  return entries.length === 1 && entries[0]![0] === "List-Unsubscribe" && entries[0]![1] === "One-Click";
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The `List-Unsubscribe-Post` header that tells mail providers a POST to the List-Unsubscribe address
 * will do. RFC 8058 allows one-click only for an HTTPS address, so on a plain-http APP_URL (other than
 * this machine's, for development and tests) it is left out; the link itself still works.
 */
export function oneClickHeader(url: string): Record<string, string> {
  const { protocol, hostname } = new URL(url);
  if (protocol !== "https:" && !LOOPBACK_HOSTS.has(hostname)) return {};
  return { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
