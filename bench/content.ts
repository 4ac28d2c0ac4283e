import { contentCompilations, loadContent } from "~/content/content.server";
import { guidancePage } from "~/content/pages.server";
import { searchContent } from "~/content/search.server";

/**
 * Content compile and cache figures: `npx tsx bench/content.ts`.
 * The first load compiles every page (what the first request after a start or an edit pays);
 * later loads only read and hash the files and serve compiled HTML from memory.
 */
async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
}

const [cold, collection] = await time(() => loadContent());
const compiled = contentCompilations();
const pages = collection.faq.length + collection.guidance.length;

const ROUNDS = 50;
let cachedTotal = 0;
for (let i = 0; i < ROUNDS; i += 1) cachedTotal += (await time(() => guidancePage("recording-activity")))[0];
const [firstSearch] = await time(() => searchContent("SNOMED"));
let searchTotal = 0;
for (let i = 0; i < ROUNDS; i += 1) searchTotal += (await time(() => searchContent("joining link")))[0];

const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`compile all content (${pages} pages, ${compiled} compilations): ${ms(cold)} (${ms(cold / pages)} a page)`);
console.log(`one guidance page from the cache (mean of ${ROUNDS}): ${ms(cachedTotal / ROUNDS)}`);
console.log(`compilations after the cached renders: ${contentCompilations()} (unchanged means no recompiling)`);
console.log(`first search (builds the index): ${ms(firstSearch)}; later searches (mean of ${ROUNDS}): ${ms(searchTotal / ROUNDS)}`);
