import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/access.server";
import { exportMemberData } from "~/privacy/export.server";

/** "Download my data": a JSON file of everything held about the signed-in member. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const data = await exportMemberData(user.id);
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="social-prescribing-network-my-data-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
