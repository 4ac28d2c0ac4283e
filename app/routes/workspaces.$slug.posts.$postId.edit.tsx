import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { RouteErrorBoundary } from "~/ui/route-error";
import { forbidden } from "~/workspaces/access.server";
import { WorkspacePageHeader } from "~/workspaces/components";
import { headingFor } from "~/workspaces/directory.server";
import { editPost, mayChange, postLocation } from "~/workspaces/discussions.server";
import { invalidPost, postInput, replyToHeldOrRefused, requirePostPage } from "~/workspaces/post-actions.server";
import { PostForm } from "~/workspaces/post-form";
import { postFormSchema } from "~/workspaces/schemas";
import { redirectWithOutcome } from "~/workspaces/outcomes.server";

export const meta: MetaFunction = () => [{ title: "Change your post – Workspaces – Social Prescribing Network" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, post, thread, threadPath } = await requirePostPage(request, params, "post");
  if (!mayChange(viewer, post)) throw forbidden();
  return {
    heading: await headingFor(viewer.workspace),
    isLead: viewer.isLead,
    isOpening: post.is_opening === 1,
    defaults: { title: thread.title, body: post.body },
    thread: { title: thread.title, path: threadPath },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, post, thread } = await requirePostPage(request, params, "post");
  if (!mayChange(viewer, post)) throw forbidden();
  const submission = parseWithZod(await request.formData(), { schema: postFormSchema(post.is_opening === 1) });
  if (submission.status !== "success") return invalidPost(submission);
  const outcome = await editPost(viewer, post, thread, postInput(submission.value));
  if (!outcome.ok) return replyToHeldOrRefused(submission, outcome);
  const location = await postLocation(post.id);
  throw redirectWithOutcome(`${location?.path.replace(/#.*$/, "") ?? "/workspaces"}#post-${post.id}`, "thread", "edited");
}

export default function EditPost() {
  const { heading, isLead, isOpening, defaults, thread } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <WorkspacePageHeader
        workspace={heading}
        heading="Change your post"
        current={null}
        isLead={isLead}
        thread={thread}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p>The workspace's leads can see earlier versions of a post.</p>
          <PostForm id="edit-post" actionData={actionData} withTitle={isOpening} defaults={defaults} submitLabel="Save changes" bodyLabel="Your message" />
          <p>
            <Link to={thread.path}>Cancel</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
