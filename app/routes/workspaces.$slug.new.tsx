import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/ui/route-error";
import { requireWorkspace } from "~/workspaces/access.server";
import { WorkspacePageHeader } from "~/workspaces/components";
import { headingFor } from "~/workspaces/directory.server";
import { startThread } from "~/workspaces/discussions.server";
import { invalidPost, postInput, replyToHeldOrRefused } from "~/workspaces/post-actions.server";
import { PostForm } from "~/workspaces/post-form";
import { threadSchema } from "~/workspaces/schemas";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Start a discussion – ${data?.heading.name ?? "Workspace"} – Social Prescribing Network` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "post");
  return { heading: await headingFor(viewer.workspace), isLead: viewer.isLead };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "post");
  const submission = parseWithZod(await request.formData(), { schema: threadSchema });
  if (submission.status !== "success") return invalidPost(submission);
  const outcome = await startThread(viewer, postInput(submission.value));
  if (!outcome.ok) return replyToHeldOrRefused(submission, outcome);
  throw redirect(`/workspaces/${viewer.workspace.slug}/threads/${outcome.threadId}`);
}

export default function NewThread() {
  const { heading, isLead } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <WorkspacePageHeader workspace={heading} heading="Start a discussion" current={null} isLead={isLead} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p>
            Ask a question or share something that worked. Everyone who can read this workspace will see it. Please do not
            advertise or sell services.
          </p>
          <PostForm id="new-thread" kind="thread" actionData={actionData} withTitle submitLabel="Post" bodyLabel="Your message" />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
