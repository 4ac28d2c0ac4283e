/**
 * The bulletin's exception to the server's general rules (server/security.ts), kept here so that it
 * sits next to the route it is for and stays as narrow as that route. No imports: the server loads this
 * file directly. (Its one-click unsubscribe follows the mail layer's rule, app/mail/one-click-unsubscribe.ts.)
 */

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
