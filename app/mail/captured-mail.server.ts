import { config } from "~/config.server";
import { db } from "~/db.server";
import { messageContent } from "./bulk.server";

/** Captured mail is the outbox itself, readable only while the portal runs without SMTP. */
export function assertMailCapture(): void {
  if (!config().mailCapture) throw new Response("Not found", { status: 404 });
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
  return { ...message, ...(await messageContent(db(), message)) };
}
