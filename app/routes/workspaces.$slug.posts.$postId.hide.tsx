import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { findUserById } from "~/auth/users.server";
import { reasonSchema } from "~/lib/reason-schema";
import { ErrorSummary, initialText, SubmitButton, summariseErrors, TextareaField } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";
import { PostBody, PostByline, WorkspacePageHeader } from "~/workspaces/components";
import { headingFor } from "~/workspaces/directory.server";
import { renderMarkdown } from "~/workspaces/markdown.server";
import { hidePost, reportFromLink } from "~/workspaces/moderation.server";
import { requirePostPage } from "~/workspaces/post-actions.server";
import { redirectWithOutcome } from "~/workspaces/outcomes.server";

export const meta: MetaFunction = () => [{ title: "Hide a post – Workspaces – Social Prescribing Network" }];

const schema = reasonSchema("hiding the post", { max: 500 });

/** A starting point for the reason, from what the report said (the lead can change it). */
const SUGGESTED_REASONS: Record<string, string> = {
  advertising: "Workspaces are not for advertising or selling services.",
  inappropriate: "This post is not appropriate for a professional workspace.",
  "patient-data": "This post contained information that could identify a patient.",
  other: "",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, post, thread, threadPath } = await requirePostPage(request, params, "lead");
  const author = await findUserById(post.author_id);
  const report = await reportFromLink(request, viewer.workspace.id, { postId: post.id });
  return {
    heading: await headingFor(viewer.workspace),
    post: { hidden: post.hidden_at !== null || post.deleted_at !== null, html: renderMarkdown(post.body), authorName: author?.full_name ?? "", createdAt: post.created_at, editedAt: post.edited_at },
    suggestedReason: report ? SUGGESTED_REASONS[report.reason] : "",
    thread: { title: thread.title, path: threadPath },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, post, thread } = await requirePostPage(request, params, "lead");
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return submission.reply();
  const reportId = (await reportFromLink(request, viewer.workspace.id, { postId: post.id }))?.id;
  const outcome = await hidePost(viewer, post, submission.value.reason, { reportId });
  if (!outcome.ok) return submission.reply({ formErrors: [outcome.error] });
  throw reportId
    ? redirectWithOutcome(`/workspaces/${viewer.workspace.slug}/moderation`, "moderation", "hidden")
    : redirect(`/workspaces/${viewer.workspace.slug}/threads/${thread.id}#post-${post.id}`);
}

export default function HidePost() {
  const { heading, post, suggestedReason, thread } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "hide",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    defaultValue: { reason: suggestedReason },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <WorkspacePageHeader
        workspace={heading}
        heading="Hide a post"
        current={null}
        isLead
        thread={thread}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={summariseErrors({ reason: fields.reason }, form.errors, fields.reason.id)} />
          <p>
            Other members will no longer see this post. Its author will still see it, with your reason, and we will email them
            the reason. You can restore it from the moderation page.
          </p>
          <div className="spn-post">
            <PostByline authorName={post.authorName} createdAt={post.createdAt} editedAt={post.editedAt} />
            <PostBody html={post.html} />
          </div>
          <Form method="post" {...getFormProps(form)}>
            <TextareaField
              id={fields.reason.id}
              name={fields.reason.name}
              label="Why are you hiding this post?"
              hint="The author will see this and we will email it to them."
              rows={3}
              defaultValue={initialText(fields.reason)}
              errors={fields.reason.errors}
            />
            <SubmitButton warning>Hide post</SubmitButton>
          </Form>
          <p>
            <Link to={thread.path}>Cancel</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
