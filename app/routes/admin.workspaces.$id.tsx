import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { useEffect } from "react";
import { requireAdmin } from "~/auth/access.server";
import { idParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { ErrorSummary, initialText, SubmitButton, summariseErrors, TextField } from "~/ui/forms";
import { SuccessBanner } from "~/ui/notification";
import { RouteErrorBoundary } from "~/ui/route-error";
import { appointLead, findWorkspaceById, leadsOf, parentChoices, removeLead, updateWorkspace } from "~/workspaces/admin.server";
import { IntentButton } from "~/workspaces/components";
import { leadSchema, workspaceSchema } from "~/workspaces/schemas";
import { WorkspaceFields } from "~/workspaces/workspace-fields";
import { readFlash } from "~/lib/flash.server";
import { redirectWithOutcome, type Outcome as OutcomeOf } from "~/workspaces/outcomes.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.workspace.name ?? "Workspace"} – Staff tools – Social Prescribing Network` }];

async function workspaceOr404(id: string | undefined) {
  const workspace = await findWorkspaceById(idParam(id));
  if (!workspace) throw new Response(null, { status: 404 });
  return workspace;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const workspace = await workspaceOr404(params.id);
  const flash = readFlash(request);
  const page = {
    workspace: {
      id: workspace.id,
      slug: workspace.slug,
      name: workspace.name,
      description: workspace.description,
      kind: workspace.kind,
      visibility: workspace.visibility,
      parentId: workspace.parent_id === null ? undefined : String(workspace.parent_id),
      rules: workspace.rules,
    },
    leads: (await leadsOf(workspace)).map((lead) => ({ id: lead.id, name: lead.full_name, email: lead.email })),
    parents: await parentChoices(workspace.id),
    banner: flash.message,
  };
  return data(page, { headers: flash.headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user: staff } = await requireAdmin(request);
  const workspace = await workspaceOr404(params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const done = (what: OutcomeOf<"staff">) => redirectWithOutcome(`/admin/workspaces/${workspace.id}`, "staff", what);
  if (intent === "appoint") {
    const submission = parseWithZod(formData, { schema: leadSchema });
    if (submission.status !== "success") return { form: "appoint" as const, result: submission.reply() };
    const result = await appointLead(staff.id, workspace, submission.value.email);
    if (!result.ok) return { form: "appoint" as const, result: submission.reply({ fieldErrors: { email: [result.error] } }) };
    throw done("appointed");
  }
  if (intent === "remove-lead") {
    const userId = Number(formData.get("userId"));
    if (!Number.isSafeInteger(userId)) throw new Response(null, { status: 404 });
    const result = await removeLead(staff.id, workspace, userId);
    if (!result.ok) return { form: "leads" as const, error: result.error };
    throw done("lead-removed");
  }
  const submission = parseWithZod(formData, { schema: workspaceSchema });
  if (submission.status !== "success") return { form: "edit" as const, result: submission.reply() };
  const result = await updateWorkspace(staff.id, workspace, submission.value);
  if (!result.ok) return { form: "edit" as const, result: submission.reply(result.field ? { fieldErrors: { [result.field]: [result.error] } } : { formErrors: [result.error] }) };
  throw done("saved");
}

export default function EditWorkspace() {
  const { workspace, leads, parents, banner } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "edit-workspace",
    lastResult: actionData?.form === "edit" ? actionData.result : undefined,
    defaultValue: workspace,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: workspaceSchema }),
  });
  const [leadForm, leadFields] = useForm({
    id: "appoint-lead",
    lastResult: actionData?.form === "appoint" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: leadSchema }),
  });
  useEffect(() => {
    if (banner) leadForm.reset();
  }, [banner]); // not on leadForm: it is a new object on every render
  const errors = [
    ...summariseErrors(
      { name: fields.name, description: fields.description, kind: fields.kind, visibility: fields.visibility, parentId: fields.parentId, rules: fields.rules },
      form.errors,
      fields.name.id,
    ),
    ...summariseErrors({ email: leadFields.email }),
    ...(actionData?.form === "leads" ? [{ fieldId: "leads", message: actionData.error }] : []),
  ];
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/members", label: "Staff tools" }, { to: "/admin/workspaces", label: "Workspaces" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {banner && errors.length === 0 ? <SuccessBanner>{banner}</SuccessBanner> : null}
          <ErrorSummary errors={errors} />
          <span className="nhsuk-caption-l">Staff tools</span>
          <h1>{workspace.name}</h1>
          <p>
            <Link to={`/workspaces/${workspace.slug}`}>Open the workspace</Link> (/workspaces/{workspace.slug})
          </p>

          <h2 id="leads">Leads</h2>
          <p>Leads approve requests to join, keep the resources list and moderate this workspace, and nothing else.</p>
          {leads.length === 0 ? <p>This workspace has no leads.</p> : null}
          <ul className="nhsuk-list">
            {leads.map((lead) => (
              <li key={lead.id}>
                <Link to={`/admin/members/${lead.id}`}>{lead.name}</Link> ({lead.email}){" "}
                <IntentButton intent="remove-lead" fields={{ userId: lead.id }} secondary>
                  Remove as lead<span className="nhsuk-u-visually-hidden">: {lead.name}</span>
                </IntentButton>
              </li>
            ))}
          </ul>
          <Form method="post" {...getFormProps(leadForm)}>
            <input type="hidden" name="intent" value="appoint" />
            <TextField
              id={leadFields.email.id}
              name={leadFields.email.name}
              label="Appoint a lead"
              hint="The email address of an active member. They also become a member of the workspace."
              type="email"
              spellCheck={false}
              autoComplete="off"
              defaultValue={initialText(leadFields.email)}
              errors={leadFields.email.errors}
            />
            <SubmitButton secondary>Appoint lead</SubmitButton>
          </Form>

          <h2>Details</h2>
          <Form method="post" {...getFormProps(form)}>
            <WorkspaceFields fields={fields} parents={parents} />
            <SubmitButton>Save changes</SubmitButton>
          </Form>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
