import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/access.server";
import { config } from "~/config.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { idParam } from "~/lib/params";
import { staffRecording, updateRecording, webinarChoices } from "~/recordings/admin.server";
import { clockTime } from "~/recordings/durations";
import { RecordingForm } from "~/recordings/recording-form";
import { recordingSchema } from "~/recordings/recording-schema";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Change details: ${data?.title ?? "recording"} – Staff tools – Social Prescribing Network` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = idParam(params.id);
  const { recording, themes } = await staffRecording(id);
  return {
    id,
    title: recording.title,
    webinars: await webinarChoices(recording.webinar_id),
    embedHosts: config().recordingEmbedHosts,
    defaults: {
      webinarId: recording.webinar_id ? String(recording.webinar_id) : undefined,
      title: recording.title,
      description: recording.description,
      speakers: recording.speakers,
      themes,
      duration: recording.duration_seconds ? clockTime(recording.duration_seconds) : undefined,
      externalUrl: recording.external_url ?? undefined,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const id = idParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema: recordingSchema });
  if (submission.status !== "success") return submission.reply();
  const result = await updateRecording(user.id, id, submission.value);
  if (!result.ok) return submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors });
  throw redirectWithFlash(`/admin/recordings/${id}`, "Details saved.");
}

export default function EditRecording() {
  const { id, title, webinars, embedHosts, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: "Home" },
          { to: "/admin/recordings", label: "Recordings" },
          { to: `/admin/recordings/${id}`, label: title },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{title}</span>
          <h1>Change details</h1>
          <RecordingForm lastResult={lastResult} defaults={defaults} webinars={webinars} embedHosts={embedHosts} button="Save details" />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
