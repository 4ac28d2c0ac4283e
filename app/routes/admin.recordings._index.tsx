import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { pageParam } from "~/lib/params";
import { staffRecordingList, webinarsAwaitingRecording } from "~/recordings/admin.server";
import { RecordingStatusTag } from "~/recordings/status-tag";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDay } from "~/ui/dates";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ScrollingTable } from "~/ui/scrolling-table";
import { StaffNav } from "~/ui/staff-nav";

export const meta: MetaFunction = () => [{ title: "Recordings – Staff tools – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [list, awaiting] = await Promise.all([staffRecordingList(pageParam(new URL(request.url).searchParams)), webinarsAwaitingRecording()]);
  return { ...list, awaiting };
}

export default function StaffRecordings() {
  const { items, total, page, pageCount, awaiting } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }]} />
      <span className="nhsuk-caption-l">Staff tools</span>
      <h1>Recordings</h1>
      <StaffNav current="/admin/recordings" />

      {awaiting.length ? (
        <>
          <h2>Webinars without a recording</h2>
          <p>Members are told recordings usually follow within a few days.</p>
          <ul>
            {awaiting.map((webinar) => (
              <li key={webinar.id}>
                <Link to={`/admin/recordings/new?webinar=${webinar.id}`}>
                  Add a recording<span className="nhsuk-u-visually-hidden"> of {webinar.title}</span>
                </Link>{" "}
                for {webinar.title} ({formatUkDay(webinar.startsAt)})
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>All recordings</h2>
      <p>
        <Link to="/admin/recordings/new">Add a recording</Link>
      </p>
      <p role="status">
        {total === 1 ? "1 recording" : `${total} recordings`}
        {pageCount > 1 ? ` (page ${page} of ${pageCount})` : ""}. Drafts come first; members see only published recordings.
      </p>
      {items.length ? (
        <ScrollingTable caption="Recordings, drafts first, then newest">
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Recording</th>
              <th scope="col" className="nhsuk-table__header">Webinar date</th>
              <th scope="col" className="nhsuk-table__header">Status</th>
              <th scope="col" className="nhsuk-table__header">Still needs</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {items.map((item) => (
              <tr key={item.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">
                  <Link to={`/admin/recordings/${item.id}`}>{item.title}</Link>
                </td>
                <td className="nhsuk-table__cell">{formatUkDay(item.recordedAt)}</td>
                <td className="nhsuk-table__cell">
                  <RecordingStatusTag status={item.status} />
                </td>
                <td className="nhsuk-table__cell">
                  {item.missing.length ? (
                    <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
                      {item.missing.map((missing) => (
                        <li key={missing}>{missing}</li>
                      ))}
                    </ul>
                  ) : (
                    "Nothing"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : null}
      <Pagination page={page} pageCount={pageCount} search={location.search} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
