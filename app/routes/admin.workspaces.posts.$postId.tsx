import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth/access.server";
import { RouteErrorBoundary } from "~/ui/route-error";
import { idParam } from "~/lib/params";
import { postLocation } from "~/workspaces/discussions.server";

/** The audit log links a workspace post here: staff are sent to it in its thread. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const location = await postLocation(idParam(params.postId));
  if (!location) throw new Response(null, { status: 404 });
  throw redirect(location.path);
}

/**
 * Never shown: the loader always redirects or throws. Having a page makes this a page route, so a member
 * who is not staff, or staff following the audit log to a post since deleted, get the portal's 403 or
 * 404 page rather than a blank one.
 */
export default function Redirecting() {
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;
