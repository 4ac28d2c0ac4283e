import { loadContent } from "~/content/content.server";
import { ContentError } from "~/content/render.server";

// Runs before every build: broken content stops the build with the file and line of each problem.
try {
  const started = performance.now();
  const { faq, guidance } = await loadContent();
  const ms = Math.round(performance.now() - started);
  console.log(`Content OK: ${faq.length} questions and ${guidance.length} guidance pages compiled in ${ms} ms`);
} catch (error) {
  console.error(error instanceof ContentError ? error.message : error);
  process.exit(1);
}
