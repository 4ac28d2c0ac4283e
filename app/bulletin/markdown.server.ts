import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Turns what staff write (Markdown: headings, paragraphs, lists, emphasis, links and pictures by https
 * address) into HTML for the email and for the web archive. Raw HTML in the Markdown is never passed
 * through: it shows as the text that was typed. Links must be https or mailto (a path such as /faq
 * becomes a link to the portal); pictures must be https. Whatever Markdown produces is then cut down to
 * a short list of tags and attributes by sanitize-html, so the rules hold even if the parser changes.
 */

const ALLOWED_TAGS = ["h2", "h3", "h4", "p", "a", "img", "ul", "ol", "li", "strong", "em", "del", "blockquote", "hr", "br", "code", "pre"];

const STRICT: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href"], img: ["src", "alt"], ol: ["start"] },
  allowedSchemes: ["https", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  // Anything else (a GFM table, say) loses its tags and keeps its text.
  disallowedTagsMode: "discard",
};

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

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** An https or mailto link as is, a path within the portal made absolute; anything else is not a link. */
export function safeHref(href: string, appOrigin: string): string | undefined {
  if (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\")) {
    const url = new URL(href, appOrigin);
    return url.origin === appOrigin ? url.href : undefined;
  }
  try {
    const url = new URL(href);
    if (url.protocol === "https:" && url.hostname) return url.href;
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

function markdownParser(appOrigin: string, flavour: BodyFlavour, headings: { offset: number }): Marked {
  return new Marked({
    gfm: true,
    async: false,
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag) {
        const text = escapeHtml(token.text.trim());
        return token.block ? `<p>${text}</p>\n` : text;
      },
      heading({ tokens, depth }: Tokens.Heading) {
        const level = Math.min(Math.max(depth + headings.offset, 2), 4);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      link({ href, tokens }: Tokens.Link) {
        const text = this.parser.parseInline(tokens);
        const safe = safeHref(href, appOrigin);
        return safe ? `<a href="${escapeHtml(safe)}">${text}</a>` : text;
      },
      image({ href, text }: Tokens.Image) {
        const src = safeImageSrc(href);
        if (!src) return escapeHtml(text);
        // The portal's pages only load pictures from the portal itself (CSP), so the web version links to them.
        if (flavour === "web") return `<a href="${escapeHtml(src)}">Picture: ${escapeHtml(text || "no description given")}</a>`;
        return `<img src="${escapeHtml(src)}" alt="${escapeHtml(text)}">`;
      },
    },
  });
}

export type BodyFlavour = "email" | "web";

/** The bulletin body as safe HTML: inline-styled for email, plain tags for the portal's pages. */
export function renderBulletinBody(markdown: string, options: { appOrigin: string; flavour: BodyFlavour }): string {
  // The subject is the page's (and email's) one h1, so the writer's biggest headings become h2, whether
  // they started with "#" or "##", and smaller ones follow in order.
  const headings = { offset: 1 };
  const parser = markdownParser(options.appOrigin, options.flavour, headings);
  const tokens = parser.lexer(markdown);
  const depths = tokens.flatMap((token) => (token.type === "heading" ? [(token as Tokens.Heading).depth] : []));
  if (depths.length) headings.offset = 2 - Math.min(...depths);
  const parsed = parser.parser(tokens);
  const clean = sanitizeHtml(parsed, STRICT);
  if (options.flavour === "web") return clean;
  return sanitizeHtml(clean, {
    ...STRICT,
    allowedAttributes: { a: ["href", "style"], img: ["src", "alt", "style"], ol: ["start", "style"], "*": ["style"] },
    transformTags: Object.fromEntries(
      Object.entries(EMAIL_STYLES).map(([tag, style]) => [tag, (tagName: string, attribs: sanitizeHtml.Attributes) => ({ tagName, attribs: { ...attribs, style } })]),
    ),
  });
}
