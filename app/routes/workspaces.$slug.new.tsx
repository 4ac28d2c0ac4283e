import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { createOnce, newOnceToken, readOnce } from "~/lib/once.server";
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
  return { heading: await headingFor(viewer.workspace), isLead: viewer.isLead, once: newOnceToken() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "post");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: threadSchema });
  if (submission.status !== "success") return invalidPost(submission);
  const once = readOnce(formData, "workspace-thread");
  const started = await createOnce(once, () => startThread(viewer, postInput(submission.value), once));
  // A repeat of the same submission is answered as the first was.
  const outcome = "earlier" in started ? { ok: true as const, threadId: started.earlier } : started.result;
  if (!outcome.ok) return replyToHeldOrRefused(submission, outcome);
  throw redirect(`/workspaces/${viewer.workspace.slug}/threads/${outcome.threadId}`);
}

export default function NewThread() {
  const { heading, isLead, once } = useLoaderData<typeof loader>();
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
          <PostForm id="new-thread" actionData={actionData} withTitle submitLabel="Post" bodyLabel="Your message" once={once} />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
