import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth/access.server";
import { requireBulletin } from "~/bulletin/bulletins.server";
import { renderPreview } from "~/bulletin/preview.server";
import { idParam } from "~/lib/params";

/** The email's HTML for the preview frames, under the sandboxed policy email HTML gets (server/security.ts). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const bulletin = await requireBulletin(idParam(params.id));
  const { html } = await renderPreview(bulletin);
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });
}
