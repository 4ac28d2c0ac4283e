import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Posts are written in Markdown and shown as HTML. Two layers, so a mistake in one is caught by the other:
 * markdown-it with raw HTML turned off (any tag a member types is shown as text) and its own link
 * check, then sanitize-html with a short allowlist of the tags Markdown produces, web and mail links
 * only, and no attributes but a link's address. Images are off: they would load from other sites
 * (tracking who reads a post) and the CSP blocks them anyway.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false }).disable(["image"]);

/** Rel on every link in a post: members' links are not endorsed, and the page opened cannot reach this one. */
export const POST_LINK_REL = "nofollow ugc noopener";

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "s", "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // A post sits under the page's own headings: its headings start at level 3.
  transformTags: {
    h1: "h3",
    h2: "h4",
    h3: "h5",
    h4: "h6",
    h5: "h6",
    a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: POST_LINK_REL } }),
  },
};

/**
 * Rendering is pure (the same words always give the same HTML), so recent results are kept: a busy
 * thread's page then costs no Markdown work. Bounded by entries; the oldest goes first.
 */
const CACHE_ENTRIES = 2000;
const cache = new Map<string, string>();

/** A post's Markdown as HTML that is safe to put in a page. */
export function renderMarkdown(source: string): string {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;
  const html = sanitizeHtml(markdown.render(source), SANITISE);
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(source, html);
  return html;
}
