import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { parseAuditFilters } from "~/audit/audit-filters.server";
import { auditActionLabels, entriesForPage, listAudit } from "~/audit/audit.server";
import { pageParam } from "~/lib/params";
import { AuditDetails } from "~/audit/audit-details";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDateTime } from "~/ui/dates";
import { ErrorSummary, SelectField, TextField } from "~/ui/forms";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ScrollingTable } from "~/ui/scrolling-table";
import { StaffNav } from "~/ui/staff-nav";
import { FilterButtons } from "~/ui/filter-buttons";

export const meta: MetaFunction = () => [{ title: "Audit log – Staff tools – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const { values, filters, errors } = parseAuditFilters(params);
  const actions = auditActionLabels()
    .map(({ action, label }) => ({ value: action, label }))
    .sort((a, b) => a.label.localeCompare(b.label, "en-GB"));
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const { entries, ...paging } = await listAudit({ ...filters, page: pageParam(params) });
  return { values, errors, actions, filtered, ...paging, entries: entriesForPage(entries) };
}

export default function AuditLog() {
  const { values, errors, actions, filtered, entries, total, page, pageCount } = useLoaderData<typeof loader>();
  const location = useLocation();
  const errorFor = (fieldId: string) => errors.filter((error) => error.fieldId === fieldId).map((error) => error.message);
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/members", label: "Staff tools" }]} />
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">Staff tools</span>
      <h1>Audit log</h1>
      <StaffNav current="/admin/audit" />
      <p>What staff, members and operators changed, newest first. Times are UK time.</p>

      <Form method="get" role="search" aria-label="Filter the audit log">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <SelectField id="action" name="action" label="What happened" emptyLabel="Anything" options={actions} defaultValue={values.action} />
          </div>
          <div className="nhsuk-grid-column-one-half">
            <TextField
              id="person"
              name="person"
              type="search"
              label="Person"
              hint="Name or email address of who acted or whom it was about"
              defaultValue={values.person}
              spellCheck={false}
            />
          </div>
        </div>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <TextField id="from" name="from" type="date" label="From" hint="UK date, for example 2026-07-01" defaultValue={values.from} errors={errorFor("from")} />
          </div>
          <div className="nhsuk-grid-column-one-half">
            <TextField id="to" name="to" type="date" label="To" hint="Included, for example 2026-07-31" defaultValue={values.to} errors={errorFor("to")} />
          </div>
        </div>
        <FilterButtons submit="Filter" clear="Clear filters" clearTo="/admin/audit" showClear={filtered || errors.length > 0} />
      </Form>

      <p role="status">
        {total === 1 ? "1 entry" : `${total} entries`} {filtered ? (total === 1 ? "matches" : "match") : "in total"}
        {pageCount > 1 ? ` (page ${page} of ${pageCount})` : ""}.
      </p>
      {entries.length === 0 ? (
        <p>{filtered ? "Nothing matches. Try fewer filters." : "Nothing has been recorded yet."}</p>
      ) : (
        <ScrollingTable caption="Audit log, newest first">
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">When</th>
              <th scope="col" className="nhsuk-table__header">Who</th>
              <th scope="col" className="nhsuk-table__header">What</th>
              <th scope="col" className="nhsuk-table__header">On whom</th>
              <th scope="col" className="nhsuk-table__header">Details</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {entries.map((entry) => (
              <tr key={entry.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">{formatUkDateTime(entry.at)}</td>
                <td className="nhsuk-table__cell">
                  {entry.actorUserId === null ? entry.actorName : <Link to={`/admin/members/${entry.actorUserId}`}>{entry.actorName}</Link>}
                </td>
                <td className="nhsuk-table__cell">{entry.summary}</td>
                <td className="nhsuk-table__cell">
                  {entry.subjectHref ? <Link to={entry.subjectHref}>{entry.subjectName}</Link> : (entry.subjectName ?? "")}
                </td>
                <td className="nhsuk-table__cell">
                  <AuditDetails lines={entry.detailLines} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <Pagination page={page} pageCount={pageCount} search={location.search} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
