import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { createOnceWithId, newOnceToken, readOnce } from "~/lib/once.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/ui/forms";
import { OnceField } from "~/ui/once-field";
import { RouteErrorBoundary } from "~/ui/route-error";
import { createWorkspace, parentChoices } from "~/workspaces/admin.server";
import { newWorkspaceSchema } from "~/workspaces/schemas";
import { WorkspaceFields } from "~/workspaces/workspace-fields";
import { redirectWithOutcome } from "~/workspaces/outcomes.server";

export const meta: MetaFunction = () => [{ title: "Create a workspace – Staff tools – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { parents: await parentChoices(), once: newOnceToken() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user: staff } = await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: newWorkspaceSchema });
  if (submission.status !== "success") return submission.reply();
  const once = readOnce(formData, "workspace");
  // A repeat of the same submission is answered as the first was.
  const result = await createOnceWithId(once, () => createWorkspace(staff.id, submission.value, once));
  if (!result.ok) return submission.reply(result.field ? { fieldErrors: { [result.field]: [result.error] } } : { formErrors: [result.error] });
  throw redirectWithOutcome(`/admin/workspaces/${result.id}`, "staff", "created");
}

export default function NewWorkspace() {
  const { parents, once } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-workspace",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newWorkspaceSchema }),
  });
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/members", label: "Staff tools" }, { to: "/admin/workspaces", label: "Workspaces" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary
            errors={summariseErrors(
              { name: fields.name, slug: fields.slug, description: fields.description, kind: fields.kind, visibility: fields.visibility, parentId: fields.parentId, rules: fields.rules },
              form.errors,
              fields.name.id,
            )}
          />
          <span className="nhsuk-caption-l">Staff tools</span>
          <h1>Create a workspace</h1>
          <Form method="post" {...getFormProps(form)}>
            <OnceField token={once} />
            <WorkspaceFields fields={fields} parents={parents} />
            <SubmitButton>Create workspace</SubmitButton>
          </Form>
          <p>
            <Link to="/admin/workspaces">Cancel</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
