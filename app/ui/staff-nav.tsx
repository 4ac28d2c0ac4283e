import { Link } from "@remix-run/react";

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
    <nav className="nhsuk-contents-list" role="navigation" aria-label="Staff tools">
      <h2 className="nhsuk-u-visually-hidden">Staff tools</h2>
      <ol className="nhsuk-contents-list__list">
        {STAFF_PAGES.map((page) =>
          page.to === current ? (
            <li key={page.to} className="nhsuk-contents-list__item" aria-current="page">
              <span className="nhsuk-contents-list__current">{page.label}</span>
            </li>
          ) : (
            <li key={page.to} className="nhsuk-contents-list__item">
              <Link className="nhsuk-contents-list__link" to={page.to}>
                {page.label}
              </Link>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
