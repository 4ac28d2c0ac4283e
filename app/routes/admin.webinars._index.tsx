import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { pageParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ScrollingTable } from "~/ui/scrolling-table";
import { StaffNav } from "~/ui/staff-nav";
import { listSeriesForStaff, listWebinarsForStaff } from "~/webinars/staff-registrations.server";
import { ContentsList } from "~/ui/contents-list";

export const meta: MetaFunction = () => [{ title: "Webinars – Staff tools – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const view = params.get("view") === "past" ? "past" : "upcoming";
  return { view, ...(await listWebinarsForStaff(view, pageParam(params))), series: await listSeriesForStaff() };
}

export default function StaffWebinars() {
  const { view, rows, page, pageCount, series } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }]} />
      <span className="nhsuk-caption-l">Staff tools</span>
      <h1>Webinars</h1>
      <StaffNav current="/admin/webinars" />
      <Link className="nhsuk-button" data-module="nhsuk-button" to="/admin/webinars/new">
        Set up a webinar or series
      </Link>

      <ContentsList
        label="Which webinars"
        links={[
          { to: "/admin/webinars", label: "Upcoming" },
          { to: "/admin/webinars?view=past", label: "Past" },
        ]}
        current={view === "past" ? "/admin/webinars?view=past" : "/admin/webinars"}
      />

      <h2>{view === "upcoming" ? "Upcoming webinars" : "Past webinars"}</h2>
      {rows.length === 0 ? (
        <p>{view === "upcoming" ? "No webinars are planned." : "No webinars have taken place yet."}</p>
      ) : (
        <ScrollingTable caption={view === "upcoming" ? "Upcoming webinars, soonest first" : "Past webinars, newest first"}>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Webinar</th>
              <th scope="col" className="nhsuk-table__header">When (UK time)</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Waiting for approval</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Approved</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Waiting list</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((row) => (
              <tr key={row.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">
                  <Link to={`/admin/webinars/${row.id}`}>{row.title}</Link>
                  {row.series ? <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">Series: {row.series.title}</div> : null}
                  {row.cancelled ? (
                    <strong className="nhsuk-tag nhsuk-tag--red">Cancelled</strong>
                  ) : !row.registrationOpen && view === "upcoming" ? (
                    <strong className="nhsuk-tag nhsuk-tag--grey">Registration not open</strong>
                  ) : null}
                </td>
                <td className="nhsuk-table__cell">{row.when}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                  {row.counts.pending > 0 ? <Link to={`/admin/webinars/${row.id}?status=pending`}>{row.counts.pending}</Link> : 0}
                </td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                  {row.counts.approved} of {row.capacity}
                </td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{row.counts.waitlisted}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <Pagination page={page} pageCount={pageCount} search={location.search} />

      <h2>Series</h2>
      {series.length === 0 ? (
        <p>There are no series.</p>
      ) : (
        <ul className="nhsuk-list">
          {series.map((item) => (
            <li key={item.id}>
              <Link to={`/admin/webinars/series/${item.id}`}>{item.title}</Link> {item.stopped ? <strong className="nhsuk-tag nhsuk-tag--grey">Stopped</strong> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
