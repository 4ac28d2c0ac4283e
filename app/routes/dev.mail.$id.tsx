import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getCapturedMail } from "~/mail/captured-mail.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDateTime } from "~/ui/dates";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.message.subject ?? "Captured email"} – Social Prescribing Network` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) throw new Response("Not found", { status: 404 });
  const message = await getCapturedMail(id);
  return {
    message: {
      id: message.id,
      subject: message.subject,
      text: message.text,
      headers: [
        ["Message-ID", message.message_id],
        ["From", message.from_address],
        ["To", message.to_address],
        ...(message.reply_to ? [["Reply-To", message.reply_to]] : []),
        ["Subject", message.subject],
        ...Object.entries(JSON.parse(message.headers_json) as Record<string, string>),
      ] as Array<[string, string]>,
      status: message.status,
      attempts: message.attempts,
      lastError: message.last_error,
      createdAt: message.created_at,
      attachments: message.attachments.map(({ filename, contentType, content }) => ({ filename, contentType, bytes: content.length })),
    },
  };
}

export default function CapturedMailMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/dev/mail", label: "Captured email" }]} />
      <h1>{message.subject}</h1>
      <p>
        Queued {formatUkDateTime(message.createdAt)}; status {message.status} after {message.attempts}{" "}
        {message.attempts === 1 ? "attempt" : "attempts"}.
      </p>
      <h2>Headers</h2>
      <dl className="nhsuk-summary-list">
        {message.headers.map(([name, value]) => (
          <div key={name} className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{name}</dt>
            <dd className="nhsuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <h2>HTML version</h2>
      <p>
        <a href={`/dev/mail/${message.id}/html`}>Open the HTML version of this email</a> (opens as its own page, as a mail
        client would show it).
      </p>
      <h2>Attachments</h2>
      {message.attachments.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet" data-testid="mail-attachments">
          {message.attachments.map((attachment, index) => (
            <li key={index}>
              <a href={`/dev/mail/${message.id}/attachments/${index + 1}`} download={attachment.filename}>
                {attachment.filename}
              </a>{" "}
              ({attachment.contentType}, {attachment.bytes.toLocaleString("en-GB")} bytes)
            </li>
          ))}
        </ul>
      )}
      <h2>Plain text version</h2>
      <pre className="spn-pre" data-testid="mail-text">
        {message.text}
      </pre>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
