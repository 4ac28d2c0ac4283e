import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth/access.server";
import { idParam } from "~/lib/params";
import { exportRegistrations } from "~/webinars/registrations-csv.server";

/** Staff download a webinar's registrations; the download is in the audit log (it holds personal data). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireAdmin(request);
  const id = idParam(params.id);
  const exported = await exportRegistrations(user.id, id);
  if (!exported) throw new Response(null, { status: 404 });
  return new Response(exported.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="webinar-${id}-registrations.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
