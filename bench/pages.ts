/**
 * Page speed of the portal's production build against the framework ceilings, on a realistic database.
 * `npx tsx bench/pages.ts` after `npm run build` (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_ONLY, BENCH_MEMBERS
 * and BENCH_PORT adjust it). The harness is bench/support/page-bench.ts; features add their own scenarios
 * beside this file.
 */
import { FOUNDATION_PAGES } from "./support/foundation-pages";
import { runPageBench } from "./support/page-bench";

await runPageBench({ name: "foundation", pages: FOUNDATION_PAGES });
