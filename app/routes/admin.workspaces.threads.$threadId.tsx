import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth/access.server";
import { RouteErrorBoundary } from "~/ui/route-error";
import { db } from "~/db.server";
import { idParam } from "~/lib/params";

/** The audit log links a workspace thread here: staff are sent to the thread. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const thread = await db()
    .selectFrom("workspace_threads")
    .innerJoin("workspaces", "workspaces.id", "workspace_threads.workspace_id")
    .select(["workspace_threads.id", "workspaces.slug"])
    .where("workspace_threads.id", "=", idParam(params.threadId))
    .executeTakeFirst();
  if (!thread) throw new Response(null, { status: 404 });
  throw redirect(`/workspaces/${thread.slug}/threads/${thread.id}`);
}

/**
 * Never shown: the loader always redirects or throws. Having a page makes this a page route, so a member
 * who is not staff, or staff following the audit log to a thread since deleted, get the portal's 403 or
 * 404 page rather than a blank one.
 */
export default function Redirecting() {
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;
