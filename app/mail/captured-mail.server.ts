import { config } from "~/config.server";
import { db } from "~/db.server";
import { readAttachments } from "./attachments.server";
import { messageContent } from "./bulk.server";

/**
 * Captured mail is the outbox itself, sign-in codes included, so it is readable only in capture mode
 * and never on a real deployment (production without PORTAL_DEMO), whatever else the configuration says.
 */
export function capturedMailReadable(settings: Pick<ReturnType<typeof config>, "mailCapture" | "isProduction" | "demo">): boolean {
  return settings.mailCapture && (!settings.isProduction || settings.demo);
}

export function assertMailCapture(): void {
  if (!capturedMailReadable(config())) throw new Response("Not found", { status: 404 });
}

export async function listCapturedMail(limit = 100) {
  assertMailCapture();
  return db()
    .selectFrom("outbox")
    .select(["id", "to_address", "subject", "status", "created_at", "template"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function getCapturedMail(id: number) {
  assertMailCapture();
  const message = await db().selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
  if (!message) throw new Response("Not found", { status: 404 });
  // A bulk message is shown as its recipient got it: the campaign's body with their values in.
  return { ...message, ...(await messageContent(db(), message)), attachments: readAttachments(message.attachments_json) };
}

/** One attachment of a captured email (numbered from 1, as /dev/mail lists them), exactly as sent. */
export async function getCapturedAttachment(id: number, number: number) {
  assertMailCapture();
  const message = await db().selectFrom("outbox").select("attachments_json").where("id", "=", id).executeTakeFirst();
  const attachment = message ? readAttachments(message.attachments_json)[number - 1] : undefined;
  if (!attachment) throw new Response("Not found", { status: 404 });
  return attachment;
}
