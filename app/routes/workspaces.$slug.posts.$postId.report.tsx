import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { findUserById } from "~/auth/users.server";
import { ErrorSummary, initialText, RadioGroup, SubmitButton, summariseErrors, TextareaField } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";
import { notFound } from "~/workspaces/access.server";
import { PostBody, PostByline, WorkspacePageHeader } from "~/workspaces/components";
import { headingFor } from "~/workspaces/directory.server";
import { renderMarkdown } from "~/workspaces/markdown.server";
import { reportPost } from "~/workspaces/moderation.server";
import { REPORT_REASONS, type ReportReason } from "~/workspaces/options";
import { requirePostPage } from "~/workspaces/post-actions.server";
import { reportSchema } from "~/workspaces/schemas";
import { redirectWithOutcome } from "~/workspaces/outcomes.server";

export const meta: MetaFunction = () => [{ title: "Report a post – Workspaces – Social Prescribing Network" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, post, thread, threadPath } = await requirePostPage(request, params, "post");
  // Only posts others can read can be reported; hidden and deleted ones are already down.
  if (post.deleted_at || post.hidden_at) throw notFound();
  const author = await findUserById(post.author_id);
  return {
    heading: await headingFor(viewer.workspace),
    isLead: viewer.isLead,
    post: { html: renderMarkdown(post.body), authorName: author?.full_name ?? "", createdAt: post.created_at, editedAt: post.edited_at },
    thread: { title: thread.title, path: threadPath },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, post, threadPath } = await requirePostPage(request, params, "post");
  const submission = parseWithZod(await request.formData(), { schema: reportSchema });
  if (submission.status !== "success") return submission.reply();
  const outcome = await reportPost(viewer, post, { reason: submission.value.reason as ReportReason, details: submission.value.details });
  if (!outcome.ok) return submission.reply({ formErrors: [outcome.error] });
  throw redirectWithOutcome(`${threadPath}#post-${post.id}`, "thread", "reported");
}

export default function ReportPost() {
  const { heading, isLead, post, thread } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "report",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reportSchema }),
  });
  return (
    <>
      <WorkspacePageHeader
        workspace={heading}
        heading="Report a post"
        current={null}
        isLead={isLead}
        thread={thread}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={summariseErrors({ reason: fields.reason, details: fields.details }, form.errors, fields.reason.id)} />
          <p>The workspace's leads will see your report and your name. The author will not be told who reported it.</p>
          <div className="spn-post">
            <PostByline authorName={post.authorName} createdAt={post.createdAt} editedAt={post.editedAt} />
            <PostBody html={post.html} />
          </div>
          <Form method="post" {...getFormProps(form)}>
            <RadioGroup
              id={fields.reason.id}
              name={fields.reason.name}
              legend="What is wrong with this post?"
              choices={REPORT_REASONS.map((reason) => ({ value: reason.value, label: reason.label }))}
              defaultValue={initialText(fields.reason)}
              errors={fields.reason.errors}
            />
            <TextareaField
              id={fields.details.id}
              name={fields.details.name}
              label="Tell the leads more (optional unless you chose something else)"
              rows={4}
              defaultValue={initialText(fields.details)}
              errors={fields.details.errors}
            />
            <SubmitButton>Send report</SubmitButton>
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
