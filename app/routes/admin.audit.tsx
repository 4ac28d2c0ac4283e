import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireAdmin } from "~/auth/access.server";
import { listAudit } from "~/audit/audit.server";
import { pageParam } from "~/lib/params";
import { AuditDetails } from "~/audit/audit-details";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDateTime } from "~/ui/dates";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ScrollingTable } from "~/ui/scrolling-table";
import { StaffNav } from "~/ui/staff-nav";

export const meta: MetaFunction = () => [{ title: "Audit log – Staff tools – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return listAudit({ page: pageParam(new URL(request.url).searchParams) });
}

export default function AuditLog() {
  const { entries, total, page, pageCount } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/members", label: "Staff tools" }]} />
      <span className="nhsuk-caption-l">Staff tools</span>
      <h1>Audit log</h1>
      <StaffNav current="/admin/audit" />
      <p>
        What staff, members and operators changed, newest first. Times are UK time. {total === 1 ? "1 entry" : `${total} entries`}
        {pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}.
      </p>
      {entries.length === 0 ? (
        <p>Nothing has been recorded yet.</p>
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
