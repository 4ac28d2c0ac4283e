import type { BenchPage } from "./page-bench";

/** The foundation's pages: public, content, signed-in and staff pages, the health check and a 404. */
export const FOUNDATION_PAGES: BenchPage[] = [
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
];
