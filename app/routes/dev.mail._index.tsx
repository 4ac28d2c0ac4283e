import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { listCapturedMail } from "~/mail/captured-mail.server";
import { formatUkDateTime } from "~/ui/dates";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ScrollingTable } from "~/ui/scrolling-table";

export const meta: MetaFunction = () => [{ title: "Captured email – Social Prescribing Network" }];

export async function loader() {
  return { messages: await listCapturedMail() };
}

export default function CapturedMailList() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Captured email</h1>
      <p>
        The portal is running without an email server, so it keeps every email here instead of sending it. Newest first.
      </p>
      {messages.length === 0 ? (
        <p>No email has been captured yet.</p>
      ) : (
        <ScrollingTable caption="Captured email, newest first">
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Subject</th>
              <th scope="col" className="nhsuk-table__header">To</th>
              <th scope="col" className="nhsuk-table__header">Queued</th>
              <th scope="col" className="nhsuk-table__header">Status</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {messages.map((message) => (
              <tr key={message.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">
                  <Link to={`/dev/mail/${message.id}`}>{message.subject}</Link>
                </td>
                <td className="nhsuk-table__cell">{message.to_address}</td>
                <td className="nhsuk-table__cell">{formatUkDateTime(message.created_at)}</td>
                <td className="nhsuk-table__cell">{message.status}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
