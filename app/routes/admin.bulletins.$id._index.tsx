import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { z } from "zod";
import { requireAdmin } from "~/auth/access.server";
import { rateLimitMessage } from "~/auth/rate-limits.server";
import bulletinStyles from "~/bulletin/bulletin.css?url";
import { BulletinStatusTag } from "~/bulletin/bulletin-status";
import { bulletinFigures, cancelSchedule, isEditable, requireBulletin, sendTestCopy, setBulletinPublic } from "~/bulletin/bulletins.server";
import { membersText } from "~/bulletin/members-text";
import { redirectToBulletin } from "~/bulletin/outcomes.server";
import { renderPreview } from "~/bulletin/preview.server";
import { countSubscribers } from "~/bulletin/subscribers.server";
import { db } from "~/db.server";
import { readFlash } from "~/lib/flash.server";
import { idParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDateTime } from "~/ui/dates";
import { ErrorSummary } from "~/ui/forms";
import { SuccessBanner } from "~/ui/notification";
import { RouteErrorBoundary } from "~/ui/route-error";
import { SummaryList } from "~/ui/summary-list";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bulletinStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.bulletin.subject ?? "Bulletin"} – Staff tools – Social Prescribing Network` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireAdmin(request);
  const bulletin = await requireBulletin(idParam(params.id));
  const preview = await renderPreview(bulletin);
  const flash = readFlash(request);
  const sending = bulletin.status === "sending" || bulletin.status === "sent";
  return data({
    banner: flash.message,
    bulletin: {
      id: bulletin.id,
      subject: bulletin.subject,
      preheader: bulletin.preheader,
      status: bulletin.status,
      scheduledFor: bulletin.scheduled_for,
      sendStartedAt: bulletin.send_started_at,
      queuedAt: bulletin.queued_at,
      isPublic: bulletin.is_public === 1,
      editable: isEditable(bulletin),
    },
    figures: sending ? (await bulletinFigures([bulletin.id])).get(bulletin.id)! : null,
    subscribers: sending ? null : await countSubscribers(db()),
    previewText: preview.text,
    yourEmail: user.email,
  }, { headers: flash.headers });
}

const intentSchema = z.object({ intent: z.enum(["test", "cancel-schedule", "make-public", "make-members-only"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const current = await requireAdmin(request);
  const bulletin = await requireBulletin(idParam(params.id));
  const submission = parseWithZod(await request.formData(), { schema: intentSchema });
  if (submission.status !== "success") return data({ error: "Choose an action from the page" }, { status: 400 });
  switch (submission.value.intent) {
    case "test": {
      const sent = await sendTestCopy(current.user, bulletin);
      if (!sent.allowed) return data({ error: rateLimitMessage(sent.retryAfterMs, "You have sent yourself a lot of test copies.") }, { status: 429 });
      throw redirectToBulletin(bulletin.id, "test");
    }
    case "cancel-schedule":
      if (!(await cancelSchedule(current.user.id, bulletin.id))) return data({ error: "This bulletin is no longer scheduled." }, { status: 409 });
      throw redirectToBulletin(bulletin.id, "schedule-cancelled");
    case "make-public":
    case "make-members-only": {
      const isPublic = submission.value.intent === "make-public";
      const changed = await setBulletinPublic(current.user.id, bulletin.id, isPublic);
      // Nothing changed either because it already was so (a second click: the message is still true) or
      // because it has not been sent, which only a crafted request can ask for.
      if (!changed && isEditable(bulletin)) {
        return data({ error: "Only a sent bulletin can be in the archive." }, { status: 409 });
      }
      throw redirectToBulletin(bulletin.id, isPublic ? "public" : "members-only");
    }
  }
}

function count(value: number): string {
  return value.toLocaleString("en-GB");
}

export default function BulletinPage() {
  const { banner, bulletin, figures, subscribers, previewText, yourEmail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = `/admin/bulletins/${bulletin.id}`;
  const previewSrc = `${page}/email-preview`;
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/bulletins", label: "Bulletins" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {banner ? <SuccessBanner>{banner}</SuccessBanner> : null}
          <ErrorSummary errors={actionData?.error ? [{ fieldId: "bulletin-actions", message: actionData.error }] : []} />
          <span className="nhsuk-caption-l">Staff tools: bulletin</span>
          <h1>{bulletin.subject}</h1>
          <p>
            <BulletinStatusTag status={bulletin.status} />
          </p>
          <SummaryList
            rows={[
              { key: "Preview text", value: bulletin.preheader || "None", ...(bulletin.editable ? { change: { to: `${page}/edit`, label: "preview text" } } : {}) },
              ...(bulletin.scheduledFor ? [{ key: "Scheduled for", value: formatUkDateTime(bulletin.scheduledFor) }] : []),
              ...(bulletin.sendStartedAt ? [{ key: "Sent", value: formatUkDateTime(bulletin.sendStartedAt) }] : []),
              ...(bulletin.editable ? [] : [{ key: "In the archive", value: bulletin.isPublic ? "Anyone can read it" : "Members only" }]),
            ]}
          />

          <div id="bulletin-actions" tabIndex={-1}>
            {bulletin.editable ? (
              <>
                <h2>Check and send</h2>
                <p>
                  {membersText(subscribers ?? 0)} would get it if you sent it now.
                </p>
                <p>
                  <Link to={`${page}/edit`}>Edit the bulletin</Link>
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="test" />
                  <p>Get a copy exactly as members will, at {yourEmail}.</p>
                  <button className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
                    Send a test to yourself
                  </button>
                </Form>
                <div className="nhsuk-button-group">
                  <Link className="nhsuk-button" data-module="nhsuk-button" role="button" draggable="false" to={`${page}/send`}>
                    Send now
                  </Link>
                  <Link className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" role="button" draggable="false" to={`${page}/schedule`}>
                    {bulletin.status === "scheduled" ? "Change the time" : "Schedule"}
                  </Link>
                </div>
                {bulletin.status === "scheduled" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="cancel-schedule" />
                    <button className="nhsuk-button nhsuk-button--warning" data-module="nhsuk-button" type="submit">
                      Cancel the schedule
                    </button>
                  </Form>
                ) : null}
              </>
            ) : null}

            {figures ? (
              <>
                <h2>Progress</h2>
                {bulletin.status === "sending" ? (
                  <p>
                    Copies are still being added to the send queue. <Link to={page}>Refresh the figures</Link>
                  </p>
                ) : figures.queued > 0 ? (
                  <p>
                    Some copies are still waiting to be delivered. <Link to={page}>Refresh the figures</Link>
                  </p>
                ) : null}
                <SummaryList
                  rows={[
                    { key: "Members it went to", value: count(figures.recipients) },
                    { key: "Delivered to their mail server", value: count(figures.sent) },
                    { key: "Waiting to be sent", value: count(figures.queued) },
                    { key: "Failed after retries", value: count(figures.failed) },
                    { key: "Bounced (address refused)", value: count(figures.bounced) },
                    { key: "Unsubscribed after it", value: count(figures.unsubscribed) },
                  ]}
                />
                <h2>Archive</h2>
                <p>
                  {bulletin.isPublic
                    ? "Anyone visiting the portal can read it at "
                    : "Signed-in members can read it at "}
                  <Link to={`/bulletins/${bulletin.id}`}>its page in the archive</Link>.
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value={bulletin.isPublic ? "make-members-only" : "make-public"} />
                  <button className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
                    {bulletin.isPublic ? "Show it to members only" : "Make it public"}
                  </button>
                </Form>
              </>
            ) : null}
          </div>
        </div>
      </div>

      <h2>Preview</h2>
      <p>
        As it looks in a mail program with pictures turned on. Each member's copy has an unsubscribe link of its own; here it
        is an example that leads nowhere. A test copy has a working one for you.
      </p>
      <h3>On a computer</h3>
      <iframe className="spn-email-preview" src={previewSrc} title="The email on a computer" height="700" />
      <h3>On a phone</h3>
      <iframe className="spn-email-preview spn-email-preview--narrow" src={previewSrc} title="The email on a phone" width="320" height="700" />
      <h3>Plain text version</h3>
      <p>Some mail programs show this instead.</p>
      <pre className="spn-pre" data-testid="bulletin-text">
        {previewText}
      </pre>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
