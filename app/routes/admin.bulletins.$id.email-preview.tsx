import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireAdminForResource } from "~/auth/access.server";
import { findBulletin } from "~/bulletin/bulletins.server";
import { renderPreview } from "~/bulletin/preview.server";
import { idParam } from "~/lib/params";

/** The email's HTML for the preview frames, under the sandboxed policy email HTML gets (server/security.ts). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const page = `/admin/bulletins/${id}`;
  await requireAdminForResource(request, page);
  const bulletin = await findBulletin(id);
  if (!bulletin) throw redirect(page);
  const { html } = await renderPreview(bulletin);
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });
}
