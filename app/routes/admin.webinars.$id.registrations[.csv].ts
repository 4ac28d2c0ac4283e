import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireAdminForResource } from "~/auth/access.server";
import { idParam } from "~/lib/params";
import { exportRegistrations } from "~/webinars/registrations-csv.server";

/** Staff download a webinar's registrations; the download is in the audit log (it holds personal data). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const page = `/admin/webinars/${id}`;
  const { user } = await requireAdminForResource(request, page);
  const exported = await exportRegistrations(user.id, id);
  if (!exported) throw redirect(page);
  return new Response(exported.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="webinar-${id}-registrations.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
