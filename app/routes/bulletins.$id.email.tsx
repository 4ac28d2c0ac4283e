import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCurrentUser, requireUser } from "~/auth/access.server";
import { findArchivedBulletin } from "~/bulletin/archive.server";
import { renderArchivedEmail } from "~/bulletin/preview.server";
import { idParam } from "~/lib/params";

/**
 * The bulletin as it was emailed, pictures included, under the sandboxed policy email HTML gets
 * (server/security.ts). The unsubscribe link in it is the reader's own, or none for a visitor.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const bulletin = await findArchivedBulletin(idParam(params.id));
  if (!bulletin) throw new Response("Not found", { status: 404 });
  const current = bulletin.is_public ? await getCurrentUser(request) : await requireUser(request);
  const { html } = await renderArchivedEmail(bulletin, current?.user.id);
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });
}
