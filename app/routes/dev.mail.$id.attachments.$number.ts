import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam } from "~/lib/params";
import { getCapturedAttachment } from "~/mail/captured-mail.server";

/** A captured email's attachment exactly as sent, as a download (never shown inline on the portal's origin). */
export async function loader({ params }: LoaderFunctionArgs) {
  const attachment = await getCapturedAttachment(idParam(params.id), idParam(params.number));
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Disposition": `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, "_")}"`,
    },
  });
}
