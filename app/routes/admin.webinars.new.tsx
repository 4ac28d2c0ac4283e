import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireAdmin } from "~/auth/access.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { RouteErrorBoundary } from "~/ui/route-error";
import { createSeries, createWebinar } from "~/webinars/manage-webinars.server";
import { redirectWithOutcome } from "~/webinars/outcomes.server";
import { NEW_WEBINAR_VALUES, WebinarForm } from "~/webinars/webinar-form";
import { newWebinarSchema } from "~/webinars/webinar-form-schema";

export const meta: MetaFunction = () => [{ title: "Set up a webinar – Staff tools – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const submission = parseWithZod(await request.formData(), { schema: newWebinarSchema });
  if (submission.status !== "success") return submission.reply();
  const { kind, ...input } = submission.value;
  const result = kind === "series" ? await createSeries(user.id, input) : await createWebinar(user.id, input);
  if (result.ok) {
    throw kind === "series"
      ? redirectWithOutcome(`/admin/webinars/series/${result.id}`, "staffSeries", "created")
      : redirectWithOutcome(`/admin/webinars/${result.id}`, "staffWebinar", "created");
  }
  if ("fieldErrors" in result) return submission.reply({ fieldErrors: result.fieldErrors });
  return submission.reply({ formErrors: ["formError" in result ? result.formError : "Something went wrong"] });
}

export default function NewWebinar() {
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/webinars", label: "Webinars" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <WebinarForm
            mode="new"
            defaultValue={NEW_WEBINAR_VALUES}
            lastResult={lastResult}
            submitLabel="Set it up"
            heading={
              <>
                <span className="nhsuk-caption-l">Staff tools</span>
                <h1>Set up a webinar</h1>
              </>
            }
          />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
