import { Link as RemixLink, type LinkProps } from "@remix-run/react";
import { forwardRef } from "react";
import { needsWholePageLoad } from "~/lib/own-policy-pages";

/**
 * Remix's `Link`, with a short cut for the server. On the server a link only ever renders its `<a>`, but
 * Remix's `Link` still runs React Router's hooks to get there (path resolution against the matched routes,
 * a click handler, prefetch state): about 13 µs a link, a quarter of the home page's time (decision 0009).
 * A link to a path from the site root, already in its plain form, has itself as its href, so on the server
 * it renders that `<a>` directly, with exactly the attributes Remix's would have. In the browser, and for
 * every other kind of `to` (relative paths, objects), it is Remix's `Link`, so hydration and client-side
 * navigation are unchanged. A link to a page with a CSP of its own always loads a whole page.
 */
export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(given, ref) {
  // A page with a policy of its own loads as a whole document however it is linked to (app/lib/own-policy-pages.ts).
  const props = given.reloadDocument === undefined && typeof given.to === "string" && needsWholePageLoad(given.to) ? { ...given, reloadDocument: true } : given;
  if (ON_SERVER && toPathFromRoot(props)) return <a {...anchorAttributes(props)} />;
  return <RemixLink ref={ref} {...props} />;
});

const ON_SERVER = typeof document === "undefined";

/**
 * "/faq", "/recordings?page=2#results": paths React Router turns into an href unchanged. Not "//host"
 * (another site), and not an empty "?" or "#", which it drops.
 */
const PATH_FROM_ROOT = /^\/(?!\/)[^?#]*(?:\?[^#]+)?(?:#.+)?$/;
/** A doubled slash or a "." or ".." segment in the path, which React Router rewrites ("/a//b" is "/a/b"). */
const UNNORMALISED = /\/\/|\/\.\.?(?:\/|$)/;

function toPathFromRoot(props: LinkProps): props is LinkProps & { to: string } {
  return typeof props.to === "string" && PATH_FROM_ROOT.test(props.to) && !UNNORMALISED.test(props.to.split(/[?#]/, 1)[0]!);
}

/** The props Remix's `Link` uses itself rather than passing to its `<a>`. */
const ROUTER_PROPS = new Set(["to", "prefetch", "discover", "relative", "reloadDocument", "replace", "state", "preventScrollReset", "viewTransition", "target"]);

/** The `<a>` attributes Remix's `Link` renders on the server, in its order. */
function anchorAttributes(props: LinkProps & { to: string }): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const name in props) {
    if (!ROUTER_PROPS.has(name)) attributes[name] = props[name as keyof LinkProps];
  }
  // Remix marks links to its own routes so the browser can look their routes up before a click.
  attributes["data-discover"] = props.reloadDocument || props.discover === "none" ? undefined : "true";
  attributes.href = props.to;
  attributes.target = props.target;
  return attributes;
}
