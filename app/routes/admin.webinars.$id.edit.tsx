import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/access.server";
import { idParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { RouteErrorBoundary } from "~/ui/route-error";
import { updateWebinar } from "~/webinars/manage-webinars.server";
import { redirectWithOutcome } from "~/webinars/outcomes.server";
import { WebinarForm } from "~/webinars/webinar-form";
import { webinarSchema } from "~/webinars/webinar-form-schema";
import { webinarFormValues } from "~/webinars/webinar-form-values.server";
import { findWebinar } from "~/webinars/webinar-records.server";
import { InsetText } from "~/webinars/webinar-ui";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Change ${data?.title ?? "webinar"} – Staff tools – Social Prescribing Network` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = idParam(params.id);
  const webinar = await findWebinar(id);
  if (!webinar) throw new Response(null, { status: 404 });
  if (webinar.cancelled_at) throw redirect(`/admin/webinars/${id}`);
  return { id, title: webinar.title, inSeries: webinar.series_id !== null, values: webinarFormValues(webinar) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const id = idParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema: webinarSchema });
  if (submission.status !== "success") return submission.reply();
  const result = await updateWebinar(user.id, id, submission.value);
  if (result.ok) throw redirectWithOutcome(`/admin/webinars/${id}`, "staffWebinar", "updated");
  if ("notFound" in result) throw new Response(null, { status: 404 });
  if ("fieldErrors" in result) return submission.reply({ fieldErrors: result.fieldErrors });
  return submission.reply({ formErrors: [result.formError] });
}

export default function EditWebinar() {
  const { id, title, inSeries, values } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/webinars", label: "Webinars" }, { to: `/admin/webinars/${id}`, label: title }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <WebinarForm
            mode="edit"
            defaultValue={values}
            lastResult={lastResult}
            submitLabel="Save changes"
            heading={
              <>
                <span className="nhsuk-caption-l">{title}</span>
                <h1>Change this webinar</h1>
                {inSeries ? (
                  <InsetText>
                    <p>This changes this webinar only. The other webinars in its series stay as they are.</p>
                  </InsetText>
                ) : null}
                <p>
                  If you change the time, everyone registered is emailed the new time with an updated calendar file, and people
                  with a place get their joining link on the new day.
                </p>
              </>
            }
          />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
