import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { formatUkDateTime } from "~/ui/dates";
import { RouteErrorBoundary } from "~/ui/route-error";
import { PostBody, WorkspacePageHeader } from "~/workspaces/components";
import { headingFor } from "~/workspaces/directory.server";
import { postHistory } from "~/workspaces/discussions.server";
import { renderMarkdown } from "~/workspaces/markdown.server";
import { requirePostPage } from "~/workspaces/post-actions.server";

export const meta: MetaFunction = () => [{ title: "Earlier versions of a post – Workspaces – Social Prescribing Network" }];

/** For the workspace's leads: what a post said before each edit (the words as written, not rendered). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, post, thread, threadPath } = await requirePostPage(request, params, "lead");
  return {
    heading: await headingFor(viewer.workspace),
    current: post.deleted_at ? null : { html: renderMarkdown(post.body), editedAt: post.edited_at },
    revisions: await postHistory(post.id),
    thread: { title: thread.title, path: threadPath, postId: post.id },
  };
}

export default function PostHistory() {
  const { heading, current, revisions, thread } = useLoaderData<typeof loader>();
  return (
    <>
      <WorkspacePageHeader
        workspace={heading}
        heading="Earlier versions of a post"
        current={null}
        isLead
        thread={thread}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Now</h2>
          {current ? (
            <div className="spn-post">
              <PostBody html={current.html} />
            </div>
          ) : (
            <p>The author has deleted this post.</p>
          )}
          <h2>Before</h2>
          {revisions.length === 0 ? <p>There are no earlier versions.</p> : null}
          {revisions.map((revision) => (
            <div key={revision.id} className="spn-post">
              <p className="nhsuk-body-s">
                Replaced {formatUkDateTime(revision.replaced_at)}
                {revision.editor_name ? ` by ${revision.editor_name}` : ""}
              </p>
              {revision.title ? <p>Title: {revision.title}</p> : null}
              <pre className="spn-pre">{revision.body}</pre>
            </div>
          ))}
          <p>
            <Link to={`${thread.path}#post-${thread.postId}`}>Back to the discussion</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
