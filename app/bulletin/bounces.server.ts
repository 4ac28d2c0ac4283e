import type { Kysely } from "kysely";
import type { DB, OutboxMessage, User } from "#db/schema";
import { bulletinEmail } from "#emails/bulletin";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { bulletinAudit } from "./audit-actions.server";
import { bulletinIdOfCampaign } from "./copies.server";

/**
 * Addresses the mail server refused for good. NHSmail addresses are closed when people change jobs, so
 * a refusal pauses the bulletin to that address (it is no longer among the subscribers) until the member
 * signs in and either confirms the address or changes it; their consent itself is left alone.
 */

/**
 * Whether a permanent failure says the address itself is no good (rather than, say, the message being
 * refused as spam, which must not pause everyone's bulletin): an enhanced status of 5.1.x (bad mailbox
 * or domain) or 5.2.1 (mailbox disabled), or without one, reply code 550, 551 or 553.
 */
export function isAddressRefusal(code: number, response = ""): boolean {
  const enhanced = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(response);
  if (enhanced) return enhanced[1] === "5" && (enhanced[2] === "1" || (enhanced[2] === "2" && enhanced[3] === "1"));
  return code === 550 || code === 551 || code === 553;
}

/**
 * The mail layer's permanent-failure hook (an SMTP 5xx), in the transaction that records the failure.
 * When the address itself was refused, whichever email it was (a sign-in code to a closed mailbox says as
 * much as a bulletin copy), and it is still an active member's, their bulletin is paused; a bulletin
 * copy is also counted as bounced. Returns whether the address was marked.
 */
export async function recordPermanentFailure(trx: Kysely<DB>, message: OutboxMessage): Promise<boolean> {
  const code = message.failure_code ?? 0;
  if (!isAddressRefusal(code, message.last_error ?? "")) return false;
  const isCopy = message.template === bulletinEmail.name && message.body_id !== null;
  const body = isCopy ? await trx.selectFrom("outbox_bodies").select("campaign_key").where("id", "=", message.body_id!).executeTakeFirst() : undefined;
  const bulletinId = body ? bulletinIdOfCampaign(body.campaign_key) : undefined;
  if (bulletinId !== undefined) {
    await trx
      .updateTable("bulletin_recipients")
      .set({ status: "bounced" })
      .where("bulletin_id", "=", bulletinId)
      .where("to_address", "=", message.to_address)
      .execute();
  }
  const member = await trx.selectFrom("users").select("id").where("email", "=", message.to_address).where("status", "=", "active").executeTakeFirst();
  if (!member) return false;
  const values = { email: message.to_address, smtp_code: code || null, bulletin_id: bulletinId ?? null, bounced_at: nowIso() };
  await trx
    .insertInto("bulletin_bounces")
    .values({ user_id: member.id, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
  await bulletinAudit.record(trx, { actorUserId: null, action: "bulletin.address-refused", subjectType: "user", subjectId: member.id, details: { code } });
  return true;
}

export interface AddressProblem {
  email: string;
  refusedAt: string;
}

/** The refusal the member should answer: only while they still have the refused address. */
export async function addressProblem(user: Pick<User, "id" | "email">, executor: Kysely<DB> = db()): Promise<AddressProblem | null> {
  const row = await executor
    .selectFrom("bulletin_bounces")
    .select(["email", "bounced_at"])
    .where("user_id", "=", user.id)
    .where("email", "=", user.email)
    .executeTakeFirst();
  return row ? { email: row.email, refusedAt: row.bounced_at } : null;
}

/** The member says the address works: bulletins to it start again. */
export async function confirmAddress(user: Pick<User, "id" | "email">): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      const result = await trx.deleteFrom("bulletin_bounces").where("user_id", "=", user.id).executeTakeFirst();
      if (Number(result.numDeletedRows) > 0) {
        await bulletinAudit.record(trx, { actorUserId: user.id, action: "bulletin.address-confirmed", subjectType: "user", subjectId: user.id });
      }
    });
}
