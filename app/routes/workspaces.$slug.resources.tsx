import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { formatUkDay } from "~/ui/dates";
import { ErrorSummary, SubmitButton, summariseErrors, TextareaField, TextField } from "~/ui/forms";
import { SuccessBanner } from "~/ui/notification";
import { RouteErrorBoundary } from "~/ui/route-error";
import { forbidden, requireWorkspace } from "~/workspaces/access.server";
import { IntentButton, WorkspacePageHeader } from "~/workspaces/components";
import { headingFor } from "~/workspaces/directory.server";
import { POST_LINK_REL } from "~/workspaces/markdown.server";
import { addResource, listResources, removeResource } from "~/workspaces/resources.server";
import { resourceSchema } from "~/workspaces/schemas";
import { readFlash } from "~/lib/flash.server";
import { redirectWithOutcome } from "~/workspaces/outcomes.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Resources – ${data?.heading.name ?? "Workspace"} – Social Prescribing Network` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "read");
  const flash = readFlash(request);
  return data(
    {
      heading: await headingFor(viewer.workspace),
      isLead: viewer.isLead,
      resources: await listResources(viewer.workspace.id),
      banner: flash.message,
      rel: POST_LINK_REL,
    },
    { headers: flash.headers },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "read");
  if (!viewer.isLead) throw forbidden();
  const formData = await request.formData();
  const here = `/workspaces/${viewer.workspace.slug}/resources`;
  if (formData.get("intent") === "remove") {
    const id = Number(formData.get("resourceId"));
    if (!Number.isSafeInteger(id) || !(await removeResource(viewer, id))) throw new Response(null, { status: 404 });
    throw redirectWithOutcome(here, "resources", "removed");
  }
  const submission = parseWithZod(formData, { schema: resourceSchema });
  if (submission.status !== "success") return submission.reply();
  await addResource(viewer, submission.value);
  throw redirectWithOutcome(here, "resources", "added");
}

export default function Resources() {
  const { heading, isLead, resources, banner, rel } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "add-resource",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resourceSchema }),
  });
  useEffect(() => {
    if (banner) form.reset();
  }, [banner]); // not on form: it is a new object on every render
  const errors = summariseErrors({ title: fields.title, url: fields.url, description: fields.description });
  const initial = (value: unknown) => (typeof value === "string" ? value : undefined);
  return (
    <>
      <WorkspacePageHeader workspace={heading} heading="Resources" current="resources" isLead={isLead} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {banner && errors.length === 0 ? <SuccessBanner>{banner}</SuccessBanner> : null}
          <ErrorSummary errors={errors} />
          <p>Documents, websites and training chosen by the workspace's leads. Links open other websites.</p>
          {resources.length === 0 ? <p>There are no resources yet.</p> : null}
          <ul className="nhsuk-list">
            {resources.map((resource) => (
              <li key={resource.id} className="spn-post">
                <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                  <a href={resource.url} rel={rel}>
                    {resource.title}
                  </a>
                </h2>
                {resource.description ? <p className="nhsuk-u-margin-bottom-1">{resource.description}</p> : null}
                <p className="nhsuk-body-s">Added {formatUkDay(resource.created_at)}</p>
                {isLead ? (
                  <IntentButton intent="remove" fields={{ resourceId: resource.id }} secondary>
                    Remove<span className="nhsuk-u-visually-hidden"> {resource.title}</span>
                  </IntentButton>
                ) : null}
              </li>
            ))}
          </ul>
          {isLead ? (
            <>
              <h2>Add a resource</h2>
              <Form method="post" {...getFormProps(form)}>
                <TextField id={fields.title.id} name={fields.title.name} label="Title" defaultValue={initial(fields.title.initialValue)} errors={fields.title.errors} />
                <TextField
                  id={fields.url.id}
                  name={fields.url.name}
                  label="Web address"
                  hint="A link to a web page or a shared document, starting with https://"
                  type="url"
                  spellCheck={false}
                  defaultValue={initial(fields.url.initialValue)}
                  errors={fields.url.errors}
                />
                <TextareaField
                  id={fields.description.id}
                  name={fields.description.name}
                  label="Description (optional)"
                  rows={3}
                  defaultValue={initial(fields.description.initialValue)}
                  errors={fields.description.errors}
                />
                <SubmitButton>Add resource</SubmitButton>
              </Form>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
