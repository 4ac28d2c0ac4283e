import type { Kysely } from "kysely";
import type { DB, User } from "#db/schema";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { bulletinAudit } from "./audit-actions.server";

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

export interface PermanentFailure {
  to: string;
  messageId: string;
  /** The SMTP reply code, e.g. 550. */
  code: number;
  /** The server's reply text, e.g. "5.1.1 No such user". */
  response?: string;
}

/**
 * The mail layer's permanent-failure hook (5xx): if the address is refused and belongs to an active
 * member, pause their bulletin and mark this copy bounced. Returns whether the address was marked.
 */
export async function recordPermanentFailure(trx: Kysely<DB>, failure: PermanentFailure): Promise<boolean> {
  if (!isAddressRefusal(failure.code, failure.response)) return false;
  const member = await trx.selectFrom("users").select("id").where("email", "=", failure.to).where("status", "=", "active").executeTakeFirst();
  const copy = await trx.selectFrom("bulletin_recipients").select("bulletin_id").where("message_id", "=", failure.messageId).executeTakeFirst();
  if (copy) await trx.updateTable("bulletin_recipients").set({ status: "bounced" }).where("message_id", "=", failure.messageId).execute();
  if (!member) return false;
  const values = { email: failure.to, smtp_code: failure.code, bulletin_id: copy?.bulletin_id ?? null, bounced_at: nowIso() };
  await trx
    .insertInto("bulletin_bounces")
    .values({ user_id: member.id, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
  await bulletinAudit.record(trx, { actorUserId: null, action: "bulletin.address-refused", subjectType: "user", subjectId: member.id, details: { code: failure.code } });
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
