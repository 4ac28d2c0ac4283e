/**
 * Workspace pages on a large workspace: 10,000 threads, one of them with 500 replies
 * (app/workspaces/bench-seed.server.ts), read by one of its members, against the framework ceilings.
 * `npx tsx bench/workspaces.ts` after `npm run build`; the same BENCH_* settings as bench/pages.ts.
 */
import type { BenchPage } from "./support/page-bench";
import { runPageBench } from "./support/page-bench";

const { seedBenchWorkspace } = await import("~/workspaces/bench-seed.server");

// The thread's id is known only once it is seeded, so the seed adds the pages.
const pages: BenchPage[] = [];
await runPageBench({
  name: "workspaces",
  pages,
  seed: async (database) => {
    const seeded = await seedBenchWorkspace(database);
    const [workspace, lastListPage, thread, lastThreadPage] = seeded.paths;
    const member = seeded.memberEmails[0]!;
    pages.push(
      { label: "workspaces list", path: "/workspaces", signedInAs: member },
      { label: "workspace, 10,000 threads, page 1", path: workspace!, signedInAs: member },
      { label: "workspace, last page of threads", path: lastListPage!, signedInAs: member },
      { label: "thread with 500 replies, page 1", path: thread!, signedInAs: member },
      { label: "thread with 500 replies, last page", path: lastThreadPage!, signedInAs: member },
    );
    return "a workspace with 10,000 threads, one with 500 replies";
  },
});
