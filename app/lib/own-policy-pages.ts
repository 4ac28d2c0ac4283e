/**
 * Pages whose Content-Security-Policy differs from the rest of the site: a recording's page allows its
 * video host in `frame-src` (server/security.ts). A browser keeps a document's policy for as long as the
 * document lives, so a page like this reached by client-side navigation would run under the previous
 * page's policy, and its embedded player would be blocked. Links and redirects to them load a whole page.
 */
const OWN_POLICY_PAGES = [/^\/recordings\/\d+\/?(?:[?#]|$)/];

/** Whether going to `path` (a path on this site, with any query) must load a whole document. */
export function needsWholePageLoad(path: string): boolean {
  return OWN_POLICY_PAGES.some((page) => page.test(path));
}
