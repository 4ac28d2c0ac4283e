/**
 * The third ceiling: the staff members list's markup (its search form with three selects, and a
 * 20-row NHS responsive table with a link, a tag, a checkbox and six headed cells a row) rendered from
 * fixed data. Served at /admin/members by the route-table ceiling app (bench/support/ceiling.ts), it
 * shows what Remix and React alone cost a page of this size, before any of the portal's own work.
 */
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

const REGIONS = ["London", "North West", "North East and Yorkshire", "Midlands", "East of England", "South East", "South West"];
const ROLES = ["Social prescribing link worker", "Health and wellbeing coach", "Care coordinator", "Community connector", "Manager", "Commissioner", "Voluntary sector", "Researcher", "Other"];

/** Fixed data shaped like the members list's 20 rows: no database, no session. */
export function loader() {
  const members = Array.from({ length: 20 }, (_, i) => ({
    id: 20000 - i,
    full_name: `Person Number${i} Surname`,
    email: `person.number${i}@nhs.net`,
    organisation: `Some Primary Care Network ${i}`,
    job_role: ROLES[i % ROLES.length],
    region: REGIONS[i % REGIONS.length],
    status: i % 3 === 0 ? "pending" : "active",
    created_at: "12 March 2026",
  }));
  return { members, total: 20000 };
}

function Cell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <td className="nhsuk-table__cell">
      <span className="nhsuk-table-responsive__heading" aria-hidden="true">{heading}{" "}</span>
      <span className="spn-responsive-cell__value">{children}</span>
    </td>
  );
}

function Select({ id, label, options }: { id: string; label: string; options: string[] }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      <select className="nhsuk-select" id={id} name={id} defaultValue="">
        <option value="">Any</option>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </div>
  );
}

export default function MembersTable() {
  const { members, total } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Members</h1>
      <form method="get">
        <div className="nhsuk-form-group"><label className="nhsuk-label" htmlFor="q">Name</label><input className="nhsuk-input" id="q" name="q" type="search" /></div>
        <Select id="status" label="Status" options={["Active", "Pending", "Left", "Declined", "Removed"]} />
        <Select id="region" label="Region" options={REGIONS} />
        <Select id="jobRole" label="Job role" options={ROLES} />
        <button className="nhsuk-button" type="submit">Search</button>
      </form>
      <p role="status">{total} people in total.</p>
      <table className="nhsuk-table-responsive">
        <caption className="nhsuk-table__caption">Members, newest first</caption>
        <thead className="nhsuk-table__head"><tr className="nhsuk-table__row">
          {["Select", "Name", "Status", "Organisation", "Job role", "Region", "Joined"].map((h) => <th key={h} scope="col" className="nhsuk-table__header">{h}</th>)}
        </tr></thead>
        <tbody className="nhsuk-table__body">
          {members.map((m) => (
            <tr key={m.id} className="nhsuk-table__row">
              <Cell heading="Approve">{m.status === "pending" ? (
                <span className="nhsuk-checkboxes nhsuk-checkboxes--small"><span className="nhsuk-checkboxes__item">
                  <input className="nhsuk-checkboxes__input" id={`select-${m.id}`} name="ids" type="checkbox" value={m.id} />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`select-${m.id}`}><span className="nhsuk-u-visually-hidden">Select {m.full_name}</span></label>
                </span></span>) : null}</Cell>
              <Cell heading="Name"><Link to={`/admin/members/${m.id}`}>{m.full_name}</Link><br /><span className="nhsuk-body-s">{m.email}</span></Cell>
              <Cell heading="Status"><strong className="nhsuk-tag nhsuk-tag--green">{m.status}</strong></Cell>
              <Cell heading="Organisation">{m.organisation}</Cell>
              <Cell heading="Job role">{m.job_role}</Cell>
              <Cell heading="Region">{m.region}</Cell>
              <Cell heading="Joined"><time dateTime="2026-03-12">{m.created_at}</time></Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
