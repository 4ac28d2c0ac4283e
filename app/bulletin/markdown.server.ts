import MarkdownIt, { type Token } from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Turns what staff write (Markdown: headings, paragraphs, lists, emphasis, links and pictures by https
 * address) into HTML for the email and for the web archive. Two layers, so a mistake in one is caught by
 * the other: markdown-it with raw HTML off (a tag typed in the Markdown shows as the text typed) and our
 * own link rules (https or mailto; a path such as /faq becomes a link to the portal; pictures https only),
 * then sanitize-html cutting the result down to a short list of tags and attributes.
 *
 * The portal's own address is the one exception to "https only": a portal run at an http address (as
 * config allows) must keep its links to itself, so both layers accept that one origin by its own scheme.
 */

const ALLOWED_TAGS = ["h2", "h3", "h4", "p", "a", "img", "ul", "ol", "li", "strong", "em", "s", "blockquote", "hr", "br", "code", "pre"];

/** Whether an address is on the portal itself (same scheme, host and port). */
function isPortal(url: URL, appOrigin: string): boolean {
  return url.origin === appOrigin;
}

function strict(appOrigin: string): sanitizeHtml.IOptions {
  const appScheme = new URL(appOrigin).protocol.slice(0, -1);
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href"], img: ["src", "alt"], ol: ["start"] },
    allowedSchemes: [...new Set(["https", "mailto", appScheme])],
    allowedSchemesByTag: { img: ["https"] },
    allowedSchemesAppliedToAttributes: ["href", "src"],
    allowProtocolRelative: false,
    // The portal's scheme is allowed above for the portal only: an http link elsewhere loses its address.
    transformTags: { a: (tagName, attribs) => ({ tagName, attribs: keepPortalHttp(attribs, appOrigin) }) },
    // Anything else (a table, say) loses its tags and keeps its text.
    disallowedTagsMode: "discard",
  };
}

function keepPortalHttp(attribs: sanitizeHtml.Attributes, appOrigin: string): sanitizeHtml.Attributes {
  const { href, ...rest } = attribs;
  // Read the scheme as sanitize-html does (spaces and control characters ignored), so none slips past.
  const address = href?.replace(/[\x00-\x20]+/g, "") ?? "";
  if (!/^http:/i.test(address)) return attribs;
  return URL.canParse(address) && isPortal(new URL(address), appOrigin) ? attribs : rest;
}

const font = "Arial, Helvetica, sans-serif";
const paragraph = "font-size:16px;line-height:24px;margin:0 0 16px";

/** Inline styles for the email version (mail clients ignore style sheets); ours, never the writer's. */
const EMAIL_STYLES: Record<string, string> = {
  h2: `font-family:${font};font-size:22px;line-height:28px;font-weight:bold;margin:24px 0 12px`,
  h3: `font-family:${font};font-size:19px;line-height:26px;font-weight:bold;margin:20px 0 8px`,
  h4: `font-family:${font};font-size:16px;line-height:24px;font-weight:bold;margin:16px 0 8px`,
  p: paragraph,
  ul: `${paragraph};padding-left:24px`,
  ol: `${paragraph};padding-left:24px`,
  li: "margin:0 0 8px",
  a: "color:#005eb8;text-decoration:underline",
  img: "display:block;max-width:100%;height:auto;border:0;margin:0 0 16px",
  blockquote: `${paragraph};padding:8px 16px;border-left:4px solid #005eb8`,
  hr: "border:0;border-top:1px solid #d8dde0;margin:24px 0",
  pre: "font-family:monospace;font-size:14px;white-space:pre-wrap;margin:0 0 16px",
  code: "font-family:monospace;font-size:15px",
};

/**
 * An https or mailto link as is, a path within the portal made absolute, a full address on the portal as
 * is (whatever its scheme); anything else is not a link.
 */
export function safeHref(href: string, appOrigin: string): string | undefined {
  if (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\")) {
    const url = new URL(href, appOrigin);
    return isPortal(url, appOrigin) ? url.href : undefined;
  }
  try {
    const url = new URL(href);
    if (url.protocol === "https:" && url.hostname) return url.href;
    if (isPortal(url, appOrigin)) return url.href;
    if (url.protocol === "mailto:") return href;
  } catch {
    // Not an address at all: the words stay, without a link.
  }
  return undefined;
}

function safeImageSrc(src: string): string | undefined {
  try {
    const url = new URL(src);
    return url.protocol === "https:" && url.hostname ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export type BodyFlavour = "email" | "web";

const markdown = new MarkdownIt({ html: false, linkify: false, breaks: false, typographer: false });

/** markdown-it's token class (the package exports only its type). */
const TokenClass = new markdown.core.State("", markdown, {}).Token;

function newToken(type: string, tag: string, nesting: -1 | 0 | 1, values: Partial<Token> = {}): Token {
  return Object.assign(new TokenClass(type, tag, nesting), values);
}

/** Applies our link and picture rules to one line's inline tokens. */
function safeInline(children: Token[], appOrigin: string, flavour: BodyFlavour): Token[] {
  const result: Token[] = [];
  // Link openings that were dropped, so their closings are dropped too.
  const dropped: boolean[] = [];
  for (const token of children) {
    if (token.type === "link_open") {
      const href = safeHref(String(token.attrGet("href") ?? ""), appOrigin);
      dropped.push(!href);
      if (href) {
        token.attrs = [["href", href]];
        result.push(token);
      }
    } else if (token.type === "link_close") {
      if (!dropped.pop()) result.push(token);
    } else if (token.type === "image") {
      const src = safeImageSrc(String(token.attrGet("src") ?? ""));
      const alt = token.content;
      if (!src) {
        result.push(newToken("text", "", 0, { content: alt }));
      } else if (flavour === "web") {
        // The portal's pages only load pictures from the portal itself (CSP), so the web version links to them.
        result.push(
          newToken("link_open", "a", 1, { attrs: [["href", src]] }),
          newToken("text", "", 0, { content: `Picture: ${alt || "no description given"}` }),
          newToken("link_close", "a", -1),
        );
      } else {
        token.attrs = [
          ["src", src],
          ["alt", alt],
        ];
        result.push(token);
      }
    } else {
      result.push(token);
    }
  }
  return result;
}

/** The body as safe HTML: inline-styled for email, plain tags for the portal's pages. */
export function renderBulletinBody(source: string, options: { appOrigin: string; flavour: BodyFlavour }): string {
  const tokens = markdown.parse(source, {});
  // The subject is the page's (and email's) one h1, so the writer's biggest headings become h2, whether
  // they started with "#" or "##", and smaller ones follow in order (down to h4).
  const depths = tokens.filter((token) => token.type === "heading_open").map((token) => Number(token.tag.slice(1)));
  const offset = depths.length ? 2 - Math.min(...depths) : 0;
  for (const token of tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") token.tag = `h${Math.min(Number(token.tag.slice(1)) + offset, 4)}`;
    if (token.type === "inline" && token.children) token.children = safeInline(token.children, options.appOrigin, options.flavour);
  }
  const rules = strict(options.appOrigin);
  const clean = sanitizeHtml(markdown.renderer.render(tokens, markdown.options, {}), rules);
  if (options.flavour === "web") return clean;
  return sanitizeHtml(clean, {
    ...rules,
    allowedAttributes: { a: ["href", "style"], img: ["src", "alt", "style"], ol: ["start", "style"], "*": ["style"] },
    transformTags: Object.fromEntries(
      Object.entries(EMAIL_STYLES).map(([tag, style]) => [tag, (tagName: string, attribs: sanitizeHtml.Attributes) => ({ tagName, attribs: { ...attribs, style } })]),
    ),
  });
}
