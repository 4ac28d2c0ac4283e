import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth/access.server";
import { idParam } from "~/lib/params";
import { postLocation } from "~/workspaces/discussions.server";

/** The audit log links a workspace post here: staff are sent to it in its thread. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const location = await postLocation(idParam(params.postId));
  if (!location) throw new Response(null, { status: 404 });
  throw redirect(location.path);
}
