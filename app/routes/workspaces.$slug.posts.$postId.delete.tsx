import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { ErrorSummary, SubmitButton } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";
import { forbidden } from "~/workspaces/access.server";
import { PostBody, WorkspacePageHeader } from "~/workspaces/components";
import { headingFor } from "~/workspaces/directory.server";
import { deletePost, mayChange } from "~/workspaces/discussions.server";
import { renderMarkdown } from "~/workspaces/markdown.server";
import { requirePostPage } from "~/workspaces/post-actions.server";
import { DELETED_OPENING_TITLE } from "~/workspaces/options";
import { redirectWithOutcome } from "~/workspaces/outcomes.server";

export const meta: MetaFunction = () => [{ title: "Delete your post – Workspaces – Social Prescribing Network" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, post, thread, threadPath } = await requirePostPage(request, params, "post");
  if (!mayChange(viewer, post)) throw forbidden();
  return {
    heading: await headingFor(viewer.workspace),
    isLead: viewer.isLead,
    isOpening: post.is_opening === 1,
    html: renderMarkdown(post.body),
    thread: { title: thread.title, path: threadPath },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, post, threadPath } = await requirePostPage(request, params, "post");
  if (!mayChange(viewer, post)) throw forbidden();
  const outcome = await deletePost(viewer, post);
  if (!outcome.ok) return { error: outcome.error };
  throw outcome.threadRemoved
    ? redirectWithOutcome(`/workspaces/${viewer.workspace.slug}`, "workspace", "thread-deleted")
    : redirectWithOutcome(`${threadPath}#post-${post.id}`, "thread", "deleted");
}

export default function DeletePost() {
  const { heading, isLead, isOpening, html, thread } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <WorkspacePageHeader
        workspace={heading}
        heading="Delete your post"
        current={null}
        isLead={isLead}
        thread={thread}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={actionData?.error ? [{ fieldId: "delete-post", message: actionData.error }] : []} />
          <p>
            Your words, and any earlier versions of them, will be deleted. The post will say it was deleted by its author.
            {isOpening
              ? ` The discussion's title goes too: it will be called ‘${DELETED_OPENING_TITLE}’, or leave the workspace's list if no one has replied.`
              : ""}
          </p>
          <div className="spn-post">
            <PostBody html={html} />
          </div>
          <Form method="post" id="delete-post">
            <SubmitButton warning>Delete post</SubmitButton>
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
