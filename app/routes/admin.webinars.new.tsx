import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/access.server";
import { createOnceWithId, newOnceToken, readOnce } from "~/lib/once.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { RouteErrorBoundary } from "~/ui/route-error";
import { createSeries, createWebinar } from "~/webinars/manage-webinars.server";
import { redirectWithOutcome } from "~/webinars/outcomes.server";
import { NEW_WEBINAR_VALUES, WebinarForm } from "~/webinars/webinar-form";
import { newWebinarSchema } from "~/webinars/webinar-form-schema";

export const meta: MetaFunction = () => [{ title: "Set up a webinar – Staff tools – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { once: newOnceToken() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: newWebinarSchema });
  if (submission.status !== "success") return submission.reply();
  const { kind, ...input } = submission.value;
  const once = readOnce(formData, kind === "series" ? "webinar-series" : "webinar");
  // A repeat of the same submission is answered as the first was.
  const result = await createOnceWithId(once, () => (kind === "series" ? createSeries(user.id, input, once) : createWebinar(user.id, input, once)));
  if (result.ok) {
    throw kind === "series"
      ? redirectWithOutcome(`/admin/webinars/series/${result.id}`, "staffSeries", "created")
      : redirectWithOutcome(`/admin/webinars/${result.id}`, "staffWebinar", "created");
  }
  if ("fieldErrors" in result) return submission.reply({ fieldErrors: result.fieldErrors });
  return submission.reply({ formErrors: ["formError" in result ? result.formError : "Something went wrong"] });
}

export default function NewWebinar() {
  const { once } = useLoaderData<typeof loader>();
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
            once={once}
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
