import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { BulletinStatusTag } from "~/bulletin/bulletin-status";
import { listBulletinsForStaff } from "~/bulletin/bulletins.server";
import { membersText } from "~/bulletin/members-text";
import { subscriberSummary } from "~/bulletin/subscribers.server";
import { db } from "~/db.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDateTime, formatUkDay } from "~/ui/dates";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ScrollingTable } from "~/ui/scrolling-table";
import { StaffNav } from "~/ui/staff-nav";

export const meta: MetaFunction = () => [{ title: "Bulletins – Staff tools – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { summary: await subscriberSummary(db()), bulletins: await listBulletinsForStaff() };
}

export default function Bulletins() {
  const { summary, bulletins } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }]} />
      <span className="nhsuk-caption-l">Staff tools</span>
      <h1>Bulletins</h1>
      <StaffNav current="/admin/bulletins" />

      <h2>Subscribers</h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>
          <strong>{membersText(summary.subscribed)}</strong> would get a bulletin sent now.
        </li>
        {summary.paused > 0 ? (
          <li>
            {membersText(summary.paused)} subscribed but paused: their mail server refused their address, and they will be asked
            to confirm or change it when they next sign in.
          </li>
        ) : null}
        <li>{membersText(summary.notSubscribed)} have not subscribed (or have unsubscribed).</li>
      </ul>

      <Link className="nhsuk-button" data-module="nhsuk-button" to="/admin/bulletins/new" role="button" draggable="false">
        Write a new bulletin
      </Link>

      <h2>All bulletins</h2>
      {bulletins.length === 0 ? (
        <p>No bulletins yet.</p>
      ) : (
        <ScrollingTable caption="Bulletins: drafts and scheduled first, then the most recently sent">
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Subject</th>
              <th scope="col" className="nhsuk-table__header">Status</th>
              <th scope="col" className="nhsuk-table__header">When</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Sent</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Bounced</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Unsubscribed</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {bulletins.map((bulletin) => (
              <tr key={bulletin.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">
                  <Link to={`/admin/bulletins/${bulletin.id}`}>{bulletin.subject}</Link>
                </td>
                <td className="nhsuk-table__cell">
                  <BulletinStatusTag status={bulletin.status} />
                </td>
                <td className="nhsuk-table__cell">
                  {bulletin.status === "scheduled" && bulletin.scheduled_for
                    ? formatUkDateTime(bulletin.scheduled_for)
                    : bulletin.send_started_at
                      ? formatUkDay(bulletin.send_started_at)
                      : `Edited ${formatUkDay(bulletin.updated_at)}`}
                </td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{bulletin.figures.sent.toLocaleString("en-GB")}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{bulletin.figures.bounced.toLocaleString("en-GB")}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{bulletin.figures.unsubscribed.toLocaleString("en-GB")}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
