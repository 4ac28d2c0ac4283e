import { resolve } from "node:path";
import { CONTENT_ROOT, loadContent } from "~/content/content.server";
import { ContentError } from "~/content/render.server";

// Runs first in `npm run build`: broken content stops the build with the file and line of each problem.
// `tsx scripts/check-content.ts [folder]` checks another folder (the tests use their fixtures).
const root = process.argv[2] ? resolve(process.argv[2]) : CONTENT_ROOT;
try {
  const started = performance.now();
  const { faq, guidance } = await loadContent(root);
  const ms = Math.round(performance.now() - started);
  console.log(`Content OK: ${faq.length} questions and ${guidance.length} guidance pages compiled in ${ms} ms`);
} catch (error) {
  console.error(error instanceof ContentError ? error.message : error);
  process.exit(1);
}
