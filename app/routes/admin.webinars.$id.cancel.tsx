import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { idParam } from "~/lib/params";
import { reasonSchema } from "~/lib/reason-schema";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { ErrorSummary, initialText, SubmitButton, summariseErrors, TextareaField } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";
import { cancelWebinar } from "~/webinars/manage-webinars.server";
import { redirectWithOutcome } from "~/webinars/outcomes.server";
import { getWebinarForStaff } from "~/webinars/staff-registrations.server";

export const meta: MetaFunction = () => [{ title: "Cancel webinar – Staff tools – Social Prescribing Network" }];

const schema = reasonSchema("cancelling");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = idParam(params.id);
  const webinar = await getWebinarForStaff(id);
  if (!webinar) throw new Response(null, { status: 404 });
  if (webinar.cancelled || webinar.ended) throw redirect(`/admin/webinars/${id}`);
  return { id, title: webinar.title, when: webinar.when, toTell: webinar.counts.pending + webinar.counts.approved + webinar.counts.waitlisted };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const id = idParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return submission.reply();
  const result = await cancelWebinar(user.id, id, submission.value.reason);
  if (result.ok) throw redirectWithOutcome(`/admin/webinars/${id}`, "staffWebinar", "cancelled");
  if ("notFound" in result) throw new Response(null, { status: 404 });
  return submission.reply({ formErrors: ["formError" in result ? result.formError : "This webinar cannot be cancelled"] });
}

export default function CancelWebinar() {
  const { id, title, when, toTell } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<{ reason: string }>({
    id: "cancel-webinar",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/webinars", label: "Webinars" }, { to: `/admin/webinars/${id}`, label: title }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={summariseErrors({ reason: fields.reason }, form.errors, fields.reason.id)} />
          <span className="nhsuk-caption-l">{title}</span>
          <h1>Cancel this webinar</h1>
          <p>{when} (UK time)</p>
          <p>
            {toTell === 1 ? "1 person is" : `${toTell} people are`} registered. We will email each of them your reason and a
            calendar file that removes the webinar from their calendar. Their joining links will stop working. This cannot be
            undone.
          </p>
          <Form method="post" {...getFormProps(form)}>
            <TextareaField
              id={fields.reason.id}
              name={fields.reason.name}
              label="Why is it cancelled?"
              hint="We email this to everyone registered, so write it to them. For example, say when it will be held instead."
              defaultValue={initialText(fields.reason)}
              errors={fields.reason.errors}
            />
            <SubmitButton warning>Cancel the webinar</SubmitButton>
          </Form>
          <p>
            <Link to={`/admin/webinars/${id}`}>Keep the webinar</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
