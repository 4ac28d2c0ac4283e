/**
 * The bulletin's two exceptions to the server's general rules (server/security.ts), kept here so that
 * they sit next to the routes they are for and stay as narrow as those routes. No imports: the server
 * loads this file directly.
 */

/** The token in a copy's unsubscribe link: 160 random bits in lower-case base32 (see unsubscribe-token.server.ts). */
export const UNSUBSCRIBE_TOKEN = /^[a-z2-7]{32}$/;

const ONE_CLICK_PATH = /^\/unsubscribe\/([^/]+)$/;

/** The largest one-click body a mail provider sends: "List-Unsubscribe=One-Click", or that as multipart. */
const ONE_CLICK_MAX_BYTES = 1024;

interface RequestLike {
  method: string;
  path: string;
  get(name: string): string | undefined;
}

/**
 * A one-click unsubscribe (RFC 8058): a mail provider, or a webmail page in someone's browser, POSTs
 * `List-Unsubscribe=One-Click` to the address in the List-Unsubscribe header, without cookies and often
 * from another site, so the same-origin check lets it through. Only for POST to exactly
 * /unsubscribe/<token> (whose action does nothing but that unsubscribe, and refuses any other body) with
 * a small form body; the page's own buttons post to /unsubscribe/<token>/confirm, which stays same-origin.
 */
export function isOneClickUnsubscribe(req: RequestLike): boolean {
  if (req.method !== "POST") return false;
  const token = ONE_CLICK_PATH.exec(req.path)?.[1];
  if (!token || !UNSUBSCRIBE_TOKEN.test(token)) return false;
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

/**
 * The page that shows a bulletin's email HTML (inline styles, pictures from other sites) for the staff
 * preview, framed by the bulletin's staff page. It gets this policy instead of the site's. Nothing can run (no script source), nothing can be submitted, and only the portal may frame
 * them. Unlike /dev/mail's HTML they are not sandboxed: a sandboxed document cannot be checked by the
 * accessibility tests (axe cannot run in it), and without scripts, forms or `target` links (the Markdown
 * renderer allows none) the sandbox would add nothing here.
 */
export function isBulletinEmailPage(path: string): boolean {
  return /^\/admin\/bulletins\/[0-9]+\/email-preview$/.test(path);
}

export const BULLETIN_EMAIL_CSP = {
  "default-src": ["'none'"],
  "style-src": ["'unsafe-inline'"],
  "img-src": ["https:", "data:"],
  "form-action": ["'none'"],
  "base-uri": ["'none'"],
  "frame-ancestors": ["'self'"],
};
