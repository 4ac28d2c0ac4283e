import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { readFlash, redirectWithFlash } from "~/lib/flash.server";
import { idParam } from "~/lib/params";
import { publishRecording, removeFile, staffRecording, unpublishRecording } from "~/recordings/admin.server";
import { clockTime } from "~/recordings/durations";
import { fileSizeInWords } from "~/files/sizes";
import { isUploadKind } from "~/recordings/file-types.server";
import { RecordingStatusTag } from "~/recordings/status-tag";
import { themeLabel } from "~/recordings/themes";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDateTime, formatUkDay } from "~/ui/dates";
import { ErrorSummary } from "~/ui/forms";
import { SuccessBanner } from "~/ui/notification";
import { RouteErrorBoundary } from "~/ui/route-error";
import { SummaryList } from "~/ui/summary-list";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.recording.title ?? "Recording"} – Staff tools – Social Prescribing Network` },
];

const KINDS = [
  { kind: "video", label: "Video", none: "No video uploaded" },
  { kind: "captions", label: "Captions", none: "No captions uploaded" },
  { kind: "slides", label: "Slides", none: "No slides uploaded" },
] as const;

function publishedMessage(notified: number): string {
  const told = notified === 1 ? "We have emailed 1 registrant." : notified > 1 ? `We have emailed ${notified} registrants.` : "No registrants needed an email.";
  return `Published: members can now watch it. ${told}`;
}

const REMOVED: Record<"video" | "captions" | "slides", string> = { video: "Video removed.", captions: "Captions removed.", slides: "Slides removed." };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = idParam(params.id);
  const { recording, themes, files, webinar, missing } = await staffRecording(id);
  const flash = readFlash(request);
  return data({
    banner: flash.message,
    recording: {
      id,
      title: recording.title,
      status: recording.status,
      recordedAt: recording.recorded_at,
      publishedAt: recording.published_at,
      durationSeconds: recording.duration_seconds,
      speakers: recording.speakers,
      externalUrl: recording.external_url,
      slidesSummary: recording.slides_summary,
      captionsEndSeconds: recording.captions_end_seconds,
    },
    themes,
    webinar: webinar ? { id: webinar.id, title: webinar.title } : null,
    files: files.map((file) => ({ id: file.id, kind: file.kind, format: file.format.toUpperCase(), bytes: file.byte_size, uploadedAt: file.created_at })),
    missing,
  }, { headers: flash.headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const id = idParam(params.id);
  const intent = String((await request.formData()).get("intent") ?? "");
  if (intent === "publish") {
    const result = await publishRecording(user.id, id);
    if (!result.ok) return { errors: result.formErrors ?? [] };
    throw redirectWithFlash(`/admin/recordings/${id}`, publishedMessage(result.notified));
  }
  if (intent === "unpublish") {
    await unpublishRecording(user.id, id);
    throw redirectWithFlash(`/admin/recordings/${id}`, "Unpublished: members can no longer see it.");
  }
  const kind = intent.replace(/^remove-/, "");
  if (intent.startsWith("remove-") && isUploadKind(kind)) {
    const result = await removeFile(user.id, id, kind);
    if (!result.ok) return { errors: result.formErrors ?? [] };
    throw redirectWithFlash(`/admin/recordings/${id}`, REMOVED[kind]);
  }
  return { errors: ["Choose an action from the page"] };
}

export default function StaffRecording() {
  const { banner, recording, themes, webinar, files, missing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = (actionData?.errors ?? []).map((message) => ({ fieldId: "publishing", message }));
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/recordings", label: "Recordings" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {banner ? <SuccessBanner>{banner}</SuccessBanner> : null}
          <ErrorSummary errors={errors} />
          <span className="nhsuk-caption-l">Staff tools</span>
          <h1>{recording.title}</h1>
          <p>
            <RecordingStatusTag status={recording.status} />
            {recording.publishedAt && recording.status === "published" ? ` since ${formatUkDateTime(recording.publishedAt)}` : ""}
          </p>

          <h2 id="publishing" tabIndex={-1}>
            Publishing
          </h2>
          {missing.length ? (
            <div className="nhsuk-warning-callout">
              <h3 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>Still needs
                </span>
              </h3>
              <ul>
                {missing.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </div>
          ) : recording.status === "draft" ? (
            <p>It has everything it needs. Publishing shows it to members and emails everyone who registered for the webinar and asked for event emails (once each).</p>
          ) : (
            <p>Members can watch it in the library.</p>
          )}
          <Form method="post">
            <div className="nhsuk-button-group">
              {recording.status === "draft" ? (
                missing.length ? null : (
                  <button className="nhsuk-button" data-module="nhsuk-button" type="submit" name="intent" value="publish">
                    Publish
                  </button>
                )
              ) : (
                <button className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit" name="intent" value="unpublish">
                  Unpublish
                </button>
              )}
              <Link className="nhsuk-link" to={`/recordings/${recording.id}`}>
                {recording.status === "draft" ? "Preview the page members will see" : "View the page members see"}
              </Link>
            </div>
          </Form>

          <h2>Details</h2>
          <SummaryList
            rows={[
              { key: "Webinar", value: webinar ? webinar.title : "Not linked", change: { to: `/admin/recordings/${recording.id}/edit`, label: "webinar" } },
              { key: "Date", value: formatUkDay(recording.recordedAt) },
              {
                key: "Length",
                value: recording.durationSeconds ? clockTime(recording.durationSeconds) : "Not known",
                change: { to: `/admin/recordings/${recording.id}/edit`, label: "length" },
              },
              { key: "Speakers", value: recording.speakers || "None given", change: { to: `/admin/recordings/${recording.id}/edit`, label: "speakers" } },
              { key: "Themes", value: themes.map(themeLabel).join(", "), change: { to: `/admin/recordings/${recording.id}/edit`, label: "themes" } },
              ...(recording.externalUrl ? [{ key: "Video on another site", value: recording.externalUrl }] : []),
            ]}
          />
          <p>
            <Link to={`/admin/recordings/${recording.id}/edit`}>Change the title, description or other details</Link>
          </p>

          <h2>Files</h2>
          <SummaryList
            rows={KINDS.map(({ kind, label, none }) => {
              const file = files.find((candidate) => candidate.kind === kind);
              return {
                key: label,
                value: file ? (
                  <>
                    {file.format}, {fileSizeInWords(file.bytes)}, uploaded {formatUkDateTime(file.uploadedAt)}
                    {kind === "captions" && recording.captionsEndSeconds !== null ? <><br />Captions end at {clockTime(recording.captionsEndSeconds)}</> : null}
                    {kind === "slides" ? <><br />Summary: {recording.slidesSummary || "none yet"}</> : null}
                  </>
                ) : (
                  none
                ),
              };
            })}
          />
          <ul className="nhsuk-list">
            {KINDS.map(({ kind, label }) => (
              <li key={kind}>
                <Link to={`/admin/recordings/${recording.id}/upload/${kind}`}>
                  {files.some((file) => file.kind === kind) ? "Replace" : "Upload"} {label.toLowerCase()}
                </Link>
              </li>
            ))}
          </ul>
          {files.length ? (
            <Form method="post">
              <div className="nhsuk-button-group">
                {files.map((file) => (
                  <button key={file.kind} className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" data-module="nhsuk-button" type="submit" name="intent" value={`remove-${file.kind}`}>
                    Remove {file.kind}
                  </button>
                ))}
              </div>
            </Form>
          ) : null}
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
