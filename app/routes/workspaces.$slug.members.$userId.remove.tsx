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
import { removeFromWorkspace } from "~/workspaces/memberships.server";
import { reportFromLink } from "~/workspaces/moderation.server";
import { redirectWithOutcome } from "~/workspaces/outcomes.server";

export const meta: MetaFunction = () => [{ title: "Remove a member from a workspace – Social Prescribing Network" }];

const schema = reasonSchema("removing them", { max: 500 });

/** The member to remove: only members of this workspace. */
async function memberToRemove(workspaceId: number, userId: number) {
  if ((await membershipStatus(workspaceId, userId)) !== "member") throw notFound();
  const user = await findUserById(userId);
  if (!user) throw notFound();
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "lead");
  const member = await memberToRemove(viewer.workspace.id, idParam(params.userId));
  return {
    heading: await headingFor(viewer.workspace),
    member: { id: member.id, name: member.full_name, organisation: member.organisation },
    isAdmin: viewer.current.isAdmin,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "lead");
  const member = await memberToRemove(viewer.workspace.id, idParam(params.userId));
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return submission.reply();
  const reportId = (await reportFromLink(request, viewer.workspace.id, { authorId: member.id }))?.id;
  const outcome = await removeFromWorkspace(viewer, member.id, submission.value.reason, { reportId });
  if (!outcome.ok) return submission.reply({ formErrors: [outcome.error] });
  throw redirectWithOutcome(`/workspaces/${viewer.workspace.slug}/moderation`, "moderation", "removed");
}

export default function RemoveFromWorkspace() {
  const { heading, member, isAdmin } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "remove-member",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <WorkspacePageHeader workspace={heading} heading={`Remove ${member.name} from this workspace`} current={null} isLead />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={summariseErrors({ reason: fields.reason }, form.errors, fields.reason.id)} />
          <p>
            {member.name} ({member.organisation}) will no longer be able to read or post in {heading.name}. They stay a member
            of the network. Their posts stay unless you hide them.
          </p>
          <Form method="post" {...getFormProps(form)}>
            <TextareaField
              id={fields.reason.id}
              name={fields.reason.name}
              label="Why are you removing them?"
              hint="We will email this to them and keep it in the audit log."
              rows={3}
              defaultValue={initialText(fields.reason)}
              errors={fields.reason.errors}
            />
            <SubmitButton warning>Remove from the workspace</SubmitButton>
          </Form>
          {isAdmin ? (
            <p>
              To remove them from the whole network instead, use the <Link to={`/admin/members/${member.id}/remove`}>staff page</Link>.
            </p>
          ) : null}
          <p>
            <Link to={`/workspaces/${heading.slug}/moderation`}>Cancel</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
