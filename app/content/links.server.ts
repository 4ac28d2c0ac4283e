import type { ContentCollection, ContentDocument } from "./content.server";
import { lineOf } from "./render.server";
import { SECTION_IDS } from "./sections";

/**
 * Pages other features own. Content may link to them, but not to a part of them: their anchors
 * are not ours to check.
 */
export const KNOWN_ROUTES = [
  "/",
  "/join",
  "/sign-in",
  "/account",
  "/account/preferences",
  "/bulletins",
  "/webinars",
  "/recordings",
  "/workspaces",
  "/privacy",
  "/accessibility",
  "/faq",
  "/guidance",
];

/** Every id on /faq: sections, questions, and ids inside answers. */
export function faqAnchors(collection: ContentCollection): Set<string> {
  return new Set<string>([...SECTION_IDS, ...collection.faq.flatMap((q) => [q.slug, ...q.anchors])]);
}

/** The content page a link points at, if it is one (for titles of related links). */
export function contentTarget(href: string, collection: ContentCollection): ContentDocument | undefined {
  const url = new URL(href, "http://portal.invalid");
  const slug = decodeURIComponent(url.hash.slice(1));
  if (url.pathname === "/faq") return collection.faq.find((q) => q.slug === slug);
  const guidance = /^\/guidance\/([^/]+)$/.exec(url.pathname)?.[1];
  return guidance ? collection.guidance.find((g) => g.slug === guidance) : undefined;
}

/** Why an internal link in `from` does not resolve, or undefined when it does. */
function brokenReason(href: string, from: ContentDocument, collection: ContentCollection): string | undefined {
  if (/^(https:|mailto:)/.test(href)) return undefined;
  if (href.startsWith("http:")) return "use https for links to other sites";
  if (href.startsWith("#")) {
    const here = from.kind === "faq" ? faqAnchors(collection) : new Set(from.anchors);
    return here.has(href.slice(1)) ? undefined : `there is no "${href}" on this page`;
  }
  if (!href.startsWith("/") || href.startsWith("//")) return "links within the portal start with a single /";

  const url = new URL(href, "http://portal.invalid");
  const anchor = decodeURIComponent(url.hash.slice(1));
  if (url.pathname === "/faq") {
    return !anchor || faqAnchors(collection).has(anchor) ? undefined : `no question or section "${anchor}" on /faq`;
  }
  const guidanceSlug = /^\/guidance\/([^/]+)$/.exec(url.pathname)?.[1];
  if (guidanceSlug) {
    const page = collection.guidance.find((g) => g.slug === guidanceSlug);
    if (!page) return `no guidance page "${guidanceSlug}"`;
    return !anchor || page.anchors.includes(anchor) ? undefined : `no "#${anchor}" on ${url.pathname}`;
  }
  if (!KNOWN_ROUTES.includes(url.pathname)) return `no page at ${url.pathname}`;
  return anchor ? `cannot check "#${anchor}" on ${url.pathname}; link to the page` : undefined;
}

function decodeHref(raw: string): string {
  return raw.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'");
}

/**
 * Problems that only show across files: links and related pages that lead nowhere, anchors that
 * clash on /faq, and headings that would break the pages' outline.
 */
export function findContentProblems(collection: ContentCollection): string[] {
  const problems: string[] = [];
  const all: ContentDocument[] = [...collection.faq, ...collection.guidance];
  for (const doc of all) {
    // Markdown links first, then JSX attributes and frontmatter, then anywhere.
    const at = (needle: string) =>
      `${doc.file}:${lineOf(doc.source, `](${needle})`) ?? lineOf(doc.source, `"${needle}"`) ?? lineOf(doc.source, needle) ?? 1}`;
    for (const match of doc.html.matchAll(/ href="([^"]*)"/g)) {
      const href = decodeHref(match[1] as string);
      const reason = brokenReason(href, doc, collection);
      if (reason) problems.push(`${at(href)}: broken link "${href}": ${reason}`);
    }
    if (doc.kind === "guidance") {
      for (const href of doc.frontmatter.related) {
        const target = contentTarget(href, collection);
        if (!target) problems.push(`${at(href)}: related page "${href}" does not exist`);
        else if (target === doc) problems.push(`${at(href)}: a page cannot be related to itself`);
      }
      if (/<h1[\s>]/.test(doc.html)) problems.push(`${at("\n# ")}: the page title is the only h1; start sections at ##`);
    } else {
      if ((SECTION_IDS as readonly string[]).includes(doc.slug)) {
        problems.push(`${doc.file}: "${doc.slug}" is also a section's anchor on /faq; rename the file`);
      }
      if (/<h[1-3][\s>]/.test(doc.html)) problems.push(`${at("\n#")}: an answer sits under its question's h3, so it cannot have headings`);
    }
  }
  return problems;
}
