import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { findUserById } from "~/auth/users.server";
import { idParam } from "~/lib/params";
import { reasonSchema } from "~/lib/reason-schema";
import { ErrorSummary, initialText, SubmitButton, summariseErrors, TextareaField } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";
import { membershipStatus, notFound, requireWorkspace } from "~/workspaces/access.server";
import { WorkspacePageHeader } from "~/workspaces/components";
import { headingFor } from "~/workspaces/directory.server";
import { declineRequest } from "~/workspaces/memberships.server";
import { redirectWithOutcome } from "~/workspaces/outcomes.server";

export const meta: MetaFunction = () => [{ title: "Decline a request to join – Workspaces – Social Prescribing Network" }];

const schema = reasonSchema("declining", { max: 500 });

async function requester(workspaceId: number, userId: number) {
  if ((await membershipStatus(workspaceId, userId)) !== "requested") throw notFound();
  const user = await findUserById(userId);
  if (!user) throw notFound();
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "lead");
  const user = await requester(viewer.workspace.id, idParam(params.userId));
  return { heading: await headingFor(viewer.workspace), requester: { name: user.full_name, organisation: user.organisation } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "lead");
  const user = await requester(viewer.workspace.id, idParam(params.userId));
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return submission.reply();
  const outcome = await declineRequest(viewer, user.id, submission.value.reason);
  if (!outcome.ok) return submission.reply({ formErrors: [outcome.error] });
  throw redirectWithOutcome(`/workspaces/${viewer.workspace.slug}/moderation`, "moderation", "declined");
}

export default function DeclineRequest() {
  const { heading, requester } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "decline-request",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <WorkspacePageHeader workspace={heading} heading={`Decline ${requester.name}'s request to join`} current={null} isLead />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={summariseErrors({ reason: fields.reason }, form.errors, fields.reason.id)} />
          <p>{requester.name} ({requester.organisation}) will be emailed your reason. They can ask again later.</p>
          <Form method="post" {...getFormProps(form)}>
            <TextareaField
              id={fields.reason.id}
              name={fields.reason.name}
              label="Why are you declining the request?"
              hint="We will email this to them and keep it in the audit log."
              rows={3}
              defaultValue={initialText(fields.reason)}
              errors={fields.reason.errors}
            />
            <SubmitButton warning>Decline request</SubmitButton>
          </Form>
          <p>
            <Link to={`/workspaces/${heading.slug}/moderation`}>Cancel</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
