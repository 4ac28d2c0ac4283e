import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/access.server";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { createOnceWithId, newOnceToken, readOnce } from "~/lib/once.server";
import { createRecording, webinarChoices } from "~/recordings/admin.server";
import { RecordingForm } from "~/recordings/recording-form";
import { recordingSchema } from "~/recordings/recording-schema";
import { findWebinar } from "~/recordings/webinar-tables.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Add a recording – Staff tools – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const chosen = Number(new URL(request.url).searchParams.get("webinar"));
  // Starting from a webinar fills in what the recording usually shares with it.
  const webinar = Number.isSafeInteger(chosen) && chosen > 0 ? await findWebinar(db(), chosen) : undefined;
  return {
    webinars: await webinarChoices(webinar?.id),
    embedHosts: config().recordingEmbedHosts,
    once: newOnceToken(),
    defaults: webinar
      ? { webinarId: String(webinar.id), title: webinar.title, description: webinar.description, speakers: webinar.speakers }
      : {},
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: recordingSchema });
  if (submission.status !== "success") return submission.reply();
  const once = readOnce(formData, "recording");
  // A repeat of the same submission is answered as the first was.
  const result = await createOnceWithId(once, () => createRecording(user.id, submission.value, once));
  if (!result.ok) return submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors });
  throw redirectWithFlash(`/admin/recordings/${result.id}`, "Recording added. Now upload the video, captions and any slides.");
}

export default function NewRecording() {
  const { webinars, embedHosts, defaults, once } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/recordings", label: "Recordings" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">Staff tools</span>
          <h1>Add a recording</h1>
          <p>Add the details first. You can then upload the video, its captions and the slides, and publish it when it has everything it needs.</p>
          <RecordingForm lastResult={lastResult} defaults={defaults} webinars={webinars} embedHosts={embedHosts} button="Save and continue" once={once} />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
