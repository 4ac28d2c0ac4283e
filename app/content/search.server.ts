import MiniSearch from "minisearch";
import { loadContent, type ContentCollection } from "./content.server";
import { SECTIONS } from "./sections";

export interface SearchResult {
  href: string;
  title: string;
  summary: string;
  /** Where the result lives, e.g. "Question: Webinars and recordings" or "Guidance". */
  context: string;
}

interface SearchDocument extends SearchResult {
  id: string;
  text: string;
}

// Words that would otherwise make "how do I join the network?" match every page.
const STOP_WORDS = new Set(
  "a an and are as at be by can do does for from get how i if in is it me my of on or our so that the their there this to was we what when where which who why will with you your".split(" "),
);

const MAX_RESULTS = 20;
/** Results scoring less than this share of the best one are noise (a word in passing, a loose prefix). */
const MIN_SHARE_OF_BEST_SCORE = 0.1;

export interface SearchOutcome {
  results: SearchResult[];
  /**
   * "all-words": every result has all the words; "some-words": no page has them all, so the results are
   * pages with some of them, which the page should say do not match well.
   */
  match: "all-words" | "some-words";
}

let current: { key: string; index: MiniSearch<SearchDocument> } | undefined;

function buildIndex(collection: ContentCollection): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>({
    fields: ["title", "summary", "text"],
    storeFields: ["href", "title", "summary", "context"],
    processTerm: (term) => {
      const word = term.toLowerCase();
      return STOP_WORDS.has(word) ? null : word;
    },
    // The question (or guidance title) counts most, then its summary: a page about a thing beats one that mentions it.
    searchOptions: { boost: { title: 5, summary: 2 }, prefix: true, fuzzy: 0.2 },
  });
  const sectionTitle = new Map<string, string>(SECTIONS.map((s) => [s.id, s.title]));
  index.addAll([
    ...collection.faq.map((q) => ({
      id: `faq:${q.slug}`,
      href: `/faq#${q.slug}`,
      title: q.frontmatter.title,
      summary: q.frontmatter.summary,
      context: `Question: ${sectionTitle.get(q.frontmatter.section) ?? ""}`,
      text: q.text,
    })),
    ...collection.guidance.map((g) => ({
      id: `guidance:${g.slug}`,
      href: `/guidance/${g.slug}`,
      title: g.frontmatter.title,
      summary: g.frontmatter.summary,
      context: "Guidance",
      text: g.text,
    })),
  ]);
  return index;
}

/**
 * Searches every FAQ answer and guidance page, best first. Pages with all the words are the results;
 * when no page has them all, pages with some of them are offered instead, marked as not matching well.
 */
export async function searchContent(query: string, collection?: ContentCollection): Promise<SearchOutcome> {
  const content = collection ?? (await loadContent());
  if (current?.key !== content.key) current = { key: content.key, index: buildIndex(content) };
  const { index } = current;
  let hits = index.search(query, { combineWith: "AND" });
  const match = hits.length > 0 ? "all-words" : "some-words";
  if (hits.length === 0) hits = index.search(query, { combineWith: "OR" });
  const best = hits[0]?.score ?? 0;
  return {
    match,
    results: hits
      .filter((hit) => hit.score >= best * MIN_SHARE_OF_BEST_SCORE)
      .slice(0, MAX_RESULTS)
      .map((hit) => ({
        href: hit.href as string,
        title: hit.title as string,
        summary: hit.summary as string,
        context: hit.context as string,
      })),
  };
}
