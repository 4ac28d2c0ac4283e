/**
 * Page speed of the portal's production build against the framework ceiling, on a realistic database.
 * `npx tsx bench/pages.ts` after `npm run build` (BENCH_SECONDS, BENCH_MEMBERS and BENCH_PORT adjust it).
 * The harness is bench/support/page-bench.ts; features add their own scenarios beside this file.
 */
import { runPageBench } from "./support/page-bench";

await runPageBench({
  name: "foundation",
  pages: [
    { label: "home", path: "/" },
    { label: "FAQ", path: "/faq" },
    { label: "FAQ search", path: "/faq?q=joining+link" },
    { label: "guidance page", path: "/guidance/recording-activity" },
    { label: "sign in", path: "/sign-in" },
    { label: "account (member)", path: "/account", signedInAs: "member" },
    { label: "members, page 1 (admin)", path: "/admin/members", signedInAs: "admin" },
    { label: "members search (admin)", path: "/admin/members?q=patel", signedInAs: "admin" },
    { label: "audit log (admin)", path: "/admin/audit", signedInAs: "admin" },
    { label: "health check", path: "/healthz" },
    { label: "not found", path: "/no-such-page", status: 404 },
  ],
});
