import { ContentsList } from "./contents-list";

const STAFF_PAGES = [
  { to: "/admin/members", label: "Members" },
  { to: "/admin/webinars", label: "Webinars" },
  { to: "/admin/domains", label: "Email domain rules" },
  { to: "/admin/bulletins", label: "Bulletins" },
  { to: "/admin/workspaces", label: "Workspaces" },
  { to: "/admin/recordings", label: "Recordings" },
  { to: "/admin/audit", label: "Audit log" },
] as const;

export type StaffPage = (typeof STAFF_PAGES)[number]["to"];

/** Moves between the staff tools (NHS contents list pattern); the current page is not a link. */
export function StaffNav({ current }: { current: StaffPage }) {
  return (
    <ContentsList label="Staff tools" heading="Staff tools" links={STAFF_PAGES} current={current} />
  );
}
