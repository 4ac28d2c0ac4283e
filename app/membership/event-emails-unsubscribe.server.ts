import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { RANDOM_TOKEN } from "~/auth/tokens.server";
import { nowIso } from "~/clock.server";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { hashLinkToken, newLinkTokens } from "~/mail/unsubscribe-links.server";
import { membershipAudit } from "./audit-actions.server";

/**
 * The unsubscribe link in every webinar or event email a member gets because they ticked "webinar and
 * event emails" (announcements, "recording published"). It turns that one choice off without signing
 * in; membership keeps it because the choice is the member's, whichever feature sends the email. Like
 * the bulletin's: a random token (160 bits) per copy of which only a hash is stored, so the link says
 * nothing about who it is for; the token can do nothing but this.
 */

/** New links for `userIds` (one each, in the same order), stored hashed through `executor` (the caller's transaction where there is one). */
export function newEventEmailTokens(executor: Kysely<DB>, userIds: readonly number[]): Promise<string[]> {
  return newLinkTokens(userIds, (rows) => executor.insertInto("event_email_unsubscribe_tokens").values(rows).execute());
}

/** Follows the mail layer's one-click rule (app/mail/one-click-unsubscribe.ts): `/<feature>/unsubscribe/<token>`. */
export function eventEmailUnsubscribeUrl(token: string): string {
  return `${config().appUrl.origin}/event-emails/unsubscribe/${token}`;
}

export type EventEmailLink =
  /** Altered, cut short, not made by this portal, or its member has left (leaving deletes the links). */
  | { kind: "invalid" }
  /** Made for a member who was removed: nothing is sent to them anyway. */
  | { kind: "inactive" }
  | { kind: "member"; userId: number; email: string; subscribed: boolean };

export async function describeEventEmailLink(token: string): Promise<EventEmailLink> {
  if (!RANDOM_TOKEN.test(token)) return { kind: "invalid" };
  const user = await db()
    .selectFrom("event_email_unsubscribe_tokens as t")
    .innerJoin("users", "users.id", "t.user_id")
    .select(["users.id", "users.email", "users.status", "users.events_opt_in"])
    .where("t.token_hash", "=", hashLinkToken(token))
    .executeTakeFirst();
  if (!user) return { kind: "invalid" };
  if (user.status !== "active") return { kind: "inactive" };
  return { kind: "member", userId: user.id, email: user.email, subscribed: user.events_opt_in === 1 };
}

/**
 * Turns off the member's webinar and event emails, with the audit entry the preferences page writes
 * (its details are the member's choices after the change) and how it was done. Already off, or an
 * invalid link, changes and records nothing, so a mail provider repeating its one-click POST is harmless.
 */
export async function unsubscribeFromEventEmails(token: string, via: "page" | "one-click"): Promise<EventEmailLink> {
  const link = await describeEventEmailLink(token);
  if (link.kind !== "member" || !link.subscribed) return link;
  await db()
    .transaction()
    .execute(async (trx) => {
      const changed = await trx
        .updateTable("users")
        .set({ events_opt_in: 0, updated_at: nowIso() })
        .where("id", "=", link.userId)
        .where("events_opt_in", "=", 1)
        .returning("bulletin_opt_in")
        .executeTakeFirst();
      if (!changed) return;
      await membershipAudit.record(trx, {
        action: "member.preferences-updated",
        actorUserId: link.userId,
        subjectType: "user",
        subjectId: link.userId,
        details: { bulletin: changed.bulletin_opt_in === 1, events: false, via: via === "page" ? "unsubscribe link" : "one-click unsubscribe" },
      });
    });
  return { ...link, subscribed: false };
}
