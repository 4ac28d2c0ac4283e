import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCapturedMail } from "~/mail/captured-mail.server";

/** The captured email's HTML exactly as sent; served under a sandbox CSP (server/security.ts). */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) throw new Response("Not found", { status: 404 });
  const message = await getCapturedMail(id);
  return new Response(message.html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
