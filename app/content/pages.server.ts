import { format, parseISO } from "date-fns";
import { contentTarget } from "./links.server";
import { loadContent } from "./content.server";
import { AUDIENCES, SECTIONS } from "./sections";

/** What the routes need from the content, in the shapes they render. */

export interface ReviewDate {
  /** YYYY-MM-DD, for <time dateTime>. */
  iso: string;
  /** e.g. "20 November 2026" */
  text: string;
}

const LIST = new Intl.ListFormat("en-GB", { type: "conjunction" });

function reviewDate(iso: string): ReviewDate {
  return { iso, text: format(parseISO(iso), "d MMMM yyyy") };
}

function latest(days: string[]): ReviewDate | undefined {
  const newest = days.reduce((a, b) => (a > b ? a : b), "");
  return newest ? reviewDate(newest) : undefined;
}

export async function faqPage() {
  const { faq } = await loadContent();
  const sections = SECTIONS.map((section) => ({
    id: section.id,
    title: section.title,
    questions: faq
      .filter((q) => q.frontmatter.section === section.id)
      .map((q) => ({ slug: q.slug, question: q.frontmatter.title, html: q.html })),
  })).filter((section) => section.questions.length > 0);
  return { sections, lastReviewed: latest(faq.map((q) => q.frontmatter.lastReviewed)) };
}

export async function guidanceIndex() {
  const { guidance } = await loadContent();
  return guidance.map((page) => ({ slug: page.slug, title: page.frontmatter.title, summary: page.frontmatter.summary }));
}

/** A guidance page, or undefined when there is none with that slug. */
export async function guidancePage(slug: string) {
  const collection = await loadContent();
  const page = collection.guidance.find((g) => g.slug === slug);
  if (!page) return undefined;
  const { title, summary, lastReviewed, audience, related } = page.frontmatter;
  return {
    slug,
    title,
    summary,
    html: page.html,
    lastReviewed: reviewDate(lastReviewed),
    audience: audience.includes("everyone") ? "everyone" : LIST.format(audience.map((a) => AUDIENCES[a])),
    // The loader refuses content whose related links do not resolve, so every target exists.
    related: related.flatMap((href) => {
      const target = contentTarget(href, collection);
      return target ? [{ href, title: target.frontmatter.title }] : [];
    }),
  };
}
