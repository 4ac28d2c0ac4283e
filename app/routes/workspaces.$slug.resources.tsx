import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { fileSizeInWords, sizeInWords } from "~/files/sizes";
import { fileStorage } from "~/files/storage.server";
import { receiveFile, type RefusalStatus } from "~/files/uploads.server";
import { createOnce, newOnceToken, readOnce } from "~/lib/once.server";
import { readFlash } from "~/lib/flash.server";
import { formatUkDay } from "~/ui/dates";
import { ErrorSummary, FileField, initialText, RadioGroup, SubmitButton, summariseErrors, TextareaField, TextField } from "~/ui/forms";
import { OnceField } from "~/ui/once-field";
import { SuccessBanner } from "~/ui/notification";
import { RouteErrorBoundary } from "~/ui/route-error";
import { forbidden, requireWorkspace } from "~/workspaces/access.server";
import { IntentButton, WorkspacePageHeader } from "~/workspaces/components";
import { headingFor } from "~/workspaces/directory.server";
import { POST_LINK_REL } from "~/workspaces/markdown.server";
import { redirectWithOutcome } from "~/workspaces/outcomes.server";
import { RESOURCE_FILES } from "~/workspaces/resource-files";
import { addResource, addResourceFile, listResources, removeResource } from "~/workspaces/resources.server";
import { resourceSchema } from "~/workspaces/schemas";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Resources – ${data?.heading.name ?? "Workspace"} – Social Prescribing Network` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "read");
  const flash = readFlash(request);
  return data(
    {
      heading: await headingFor(viewer.workspace),
      isLead: viewer.isLead,
      resources: await listResources(viewer.workspace),
      banner: flash.message,
      rel: POST_LINK_REL,
      once: newOnceToken(),
    },
    { headers: flash.headers },
  );
}

/**
 * Only a lead gets as far as the body: the file then streams to storage, checked as it arrives, and
 * is deleted again unless it ends up on the list.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "read");
  if (!viewer.isLead) throw forbidden();
  const here = `/workspaces/${viewer.workspace.slug}/resources`;
  const received = await receiveFile(request, RESOURCE_FILES, fileStorage());
  const { fields } = received;
  const file = received.ok ? received.file : undefined;
  const unused = async () => {
    if (file) await fileStorage().delete(file.key);
  };

  if (fields.intent === "remove") {
    await unused();
    const id = Number(fields.resourceId);
    const kind = fields.kind === "file" ? "file" : "link";
    if (!Number.isSafeInteger(id) || !(await removeResource(viewer, kind, id))) throw new Response(null, { status: 404 });
    throw redirectWithOutcome(here, "resources", "removed");
  }

  if (!received.ok && received.unread) {
    // Refused before the form was read (its declared size is over the limit): nothing else of it is known.
    const unread = parseWithZod(new FormData(), { schema: z.object({}) });
    return data(unread.reply({ fieldErrors: { file: received.problems } }), { status: received.status });
  }
  // The form's text fields (a multipart form's file is received on its own, above).
  const form = new URLSearchParams(fields);
  const submission = parseWithZod(form, { schema: resourceSchema });
  // A link is not refused for a file chosen by mistake.
  const fileProblems = fields.kind !== "file" ? [] : !received.ok ? received.problems : file ? [] : ["Choose a file to upload"];
  if (submission.status !== "success" || fileProblems.length) {
    await unused();
    const status: RefusalStatus | 200 = fileProblems.length ? (received.ok ? 400 : received.status) : 200;
    return data(submission.reply(fileProblems.length ? { fieldErrors: { file: fileProblems } } : undefined), { status });
  }
  const value = submission.value;
  const once = readOnce(form, `workspace-resource-${value.kind}`);
  const outcome = await createOnce(once, async () => {
    if (value.kind === "file" && file) return addResourceFile(viewer, value, file, once);
    await unused();
    if (value.kind === "link") await addResource(viewer, value, once);
  });
  // A repeat of the same submission is answered as the first was; its copy of a file is not kept.
  if ("earlier" in outcome) await unused();
  throw redirectWithOutcome(here, "resources", "added");
}

export default function Resources() {
  const { heading, isLead, resources, banner, rel, once } = useLoaderData<typeof loader>();
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
  const errors = summariseErrors({ title: fields.title, kind: fields.kind, url: fields.url, file: fields.file, description: fields.description });
  return (
    <>
      <WorkspacePageHeader workspace={heading} heading="Resources" current="resources" isLead={isLead} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {banner && errors.length === 0 ? <SuccessBanner>{banner}</SuccessBanner> : null}
          <ErrorSummary errors={errors} />
          <p>Documents, websites and training chosen by the workspace's leads. Links open other websites; files download to your device.</p>
          {resources.length === 0 ? <p>There are no resources yet.</p> : null}
          <ul className="nhsuk-list">
            {resources.map((resource) => (
              <li key={`${resource.kind}-${resource.id}`} className="spn-post">
                <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                  {resource.kind === "link" ? (
                    <a href={resource.url} rel={rel}>
                      {resource.title}
                    </a>
                  ) : (
                    <a href={resource.href}>
                      {resource.title}
                      <span className="nhsuk-u-visually-hidden">
                        {" "}
                        ({resource.type}, {fileSizeInWords(resource.bytes)})
                      </span>
                    </a>
                  )}
                </h2>
                {resource.description ? <p className="nhsuk-u-margin-bottom-1">{resource.description}</p> : null}
                <p className="nhsuk-body-s">
                  {resource.kind === "file" ? `${resource.type}, ${fileSizeInWords(resource.bytes)} (${resource.fileName}). ` : null}Added {formatUkDay(resource.created_at)}
                </p>
                {isLead ? (
                  <IntentButton intent="remove" fields={{ resourceId: resource.id, kind: resource.kind }} secondary>
                    Remove<span className="nhsuk-u-visually-hidden"> {resource.title}</span>
                  </IntentButton>
                ) : null}
              </li>
            ))}
          </ul>
          {isLead ? (
            <>
              <h2>Add a resource</h2>
              <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
                <OnceField token={once} />
                <TextField id={fields.title.id} name={fields.title.name} label="Title" defaultValue={initialText(fields.title)} errors={fields.title.errors} />
                <RadioGroup
                  id={fields.kind.id}
                  name={fields.kind.name}
                  legend="Is it a link or a file?"
                  choices={[
                    {
                      value: "link",
                      label: "A link",
                      hint: "To a web page or a shared document",
                      conditional: (
                        <TextField
                          id={fields.url.id}
                          name={fields.url.name}
                          label="Web address (for a link)"
                          hint="Starting with https://"
                          type="url"
                          spellCheck={false}
                          defaultValue={initialText(fields.url)}
                          errors={fields.url.errors}
                        />
                      ),
                    },
                    {
                      value: "file",
                      label: "A file",
                      hint: "A document to download",
                      conditional: (
                        <FileField
                          id={fields.file.id}
                          name={fields.file.name}
                          label="File (for a file)"
                          hint={`It must be ${RESOURCE_FILES.described}, up to ${sizeInWords(RESOURCE_FILES.maxBytes)}.`}
                          accept={RESOURCE_FILES.accept}
                          errors={fields.file.errors}
                        />
                      ),
                    },
                  ]}
                  defaultValue={initialText(fields.kind) ?? "link"}
                  errors={fields.kind.errors}
                />
                <TextareaField
                  id={fields.description.id}
                  name={fields.description.name}
                  label="Description (optional)"
                  rows={3}
                  defaultValue={initialText(fields.description)}
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
