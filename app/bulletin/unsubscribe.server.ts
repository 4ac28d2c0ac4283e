import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { now, nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { bulletinAudit, type SubscriptionSource } from "./audit-actions.server";
import { hashLinkToken } from "~/mail/unsubscribe-links.server";
import { unsubscribeTokenOwner } from "./unsubscribe-token.server";

/**
 * Unsubscribing and subscribing again: from the link in every copy (a one-click POST from the mail
 * program, or the button on the page it opens) and from the account's email preferences. Each change is
 * recorded with its time and source; doing what is already done changes and records nothing, so a mail
 * provider repeating its one-click POST is harmless. Only the bulletin stops: service email still arrives.
 */

export type UnsubscribeLink =
  /** Altered, cut short, or not made by this portal. */
  | { kind: "invalid" }
  /** Made for someone who is no longer an active member (left or removed): nothing is sent to them anyway. */
  | { kind: "inactive" }
  /** `canUndo`: this link's page may subscribe the member again (see undoAllowed). */
  | { kind: "member"; userId: number; email: string; subscribed: boolean; canUndo: boolean };

export async function describeUnsubscribeLink(token: string, executor: Kysely<DB> = db()): Promise<UnsubscribeLink> {
  const userId = await unsubscribeTokenOwner(executor, token);
  if (userId === undefined) return { kind: "invalid" };
  const user = await executor.selectFrom("users").select(["id", "email", "status", "bulletin_opt_in"]).where("id", "=", userId).executeTakeFirst();
  if (!user) return { kind: "invalid" };
  if (user.status !== "active") return { kind: "inactive" };
  const subscribed = user.bulletin_opt_in === 1;
  const canUndo = !subscribed && (await undoAllowed(executor, user.id, hashLinkToken(token)));
  return { kind: "member", userId: user.id, email: user.email, subscribed, canUndo };
}

/** How long the page of the copy someone unsubscribed through offers to undo it. */
const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a link's page may subscribe the member again: only to undo the member's latest change, when
 * that was an unsubscribe through this same link within the last day. Otherwise any old or forwarded
 * copy could turn the bulletin back on, in the member's name, for someone who stopped it another way
 * (in their preferences or through another copy); they sign in to choose it again.
 */
async function undoAllowed(executor: Kysely<DB>, userId: number, tokenHash: string): Promise<boolean> {
  const latest = await executor
    .selectFrom("bulletin_subscription_changes")
    .select(["change", "token_hash", "at"])
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return latest?.change === "unsubscribed" && latest.token_hash === tokenHash && now().getTime() - Date.parse(latest.at) < UNDO_WINDOW_MS;
}

/** The last bulletin queued for the member, which the change is counted against. */
async function lastBulletinFor(executor: Kysely<DB>, userId: number): Promise<number | null> {
  const row = await executor
    .selectFrom("bulletin_recipients")
    .select("bulletin_id")
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.bulletin_id ?? null;
}

/** Records a change already made to `users.bulletin_opt_in` (history row, and the audit entry unless the caller writes its own). */
async function recordChange(
  trx: Kysely<DB>,
  userId: number,
  subscribed: boolean,
  source: SubscriptionSource,
  audit: boolean,
  tokenHash: string | null = null,
): Promise<void> {
  await trx
    .insertInto("bulletin_subscription_changes")
    .values({
      user_id: userId,
      bulletin_id: await lastBulletinFor(trx, userId),
      change: subscribed ? "resubscribed" : "unsubscribed",
      source,
      at: nowIso(),
      token_hash: tokenHash,
    })
    .execute();
  if (audit) {
    const action = subscribed ? "bulletin.resubscribed" : "bulletin.unsubscribed";
    await bulletinAudit.record(trx, { actorUserId: userId, action, subjectType: "user", subjectId: userId, details: { source } });
  }
}

/** Sets the member's bulletin consent (through the unsubscribe link whose hash is given); true when it changed. */
async function setSubscribed(userId: number, subscribed: boolean, source: SubscriptionSource, tokenHash: string): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const result = await trx
        .updateTable("users")
        .set({ bulletin_opt_in: subscribed ? 1 : 0, updated_at: nowIso() })
        .where("id", "=", userId)
        .where("status", "=", "active")
        .where("bulletin_opt_in", "=", subscribed ? 0 : 1)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await recordChange(trx, userId, subscribed, source, true, tokenHash);
      return true;
    });
}

/**
 * Unsubscribes the member the token was made for. An invalid token or one for a former member changes
 * nothing and says so; an already unsubscribed member stays as they are.
 */
export async function unsubscribeWithToken(token: string, source: "one-click" | "page"): Promise<UnsubscribeLink> {
  const link = await describeUnsubscribeLink(token);
  if (link.kind !== "member") return link;
  const changed = await setSubscribed(link.userId, false, source, hashLinkToken(token));
  return { ...link, subscribed: false, canUndo: changed || link.canUndo };
}

/** The unsubscribe page's "undo": subscribes the member again, where this link may (undoAllowed); otherwise changes nothing. */
export async function resubscribeWithToken(token: string): Promise<UnsubscribeLink> {
  const link = await describeUnsubscribeLink(token);
  if (link.kind !== "member" || !link.canUndo) return link;
  await setSubscribed(link.userId, true, "page", hashLinkToken(token));
  return { ...link, subscribed: true, canUndo: false };
}

/**
 * For the account's email preferences (which save the consent themselves and write their own audit
 * entry): records a change of the bulletin choice, in the same transaction as the save.
 */
export async function recordBulletinPreference(trx: Kysely<DB>, userId: number, change: { before: boolean; after: boolean }): Promise<void> {
  if (change.before !== change.after) await recordChange(trx, userId, change.after, "preferences", false);
}
