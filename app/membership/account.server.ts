import type { Kysely } from "kysely";
import type { DB, UserUpdate } from "#db/schema";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import type { AuditEntryInput } from "~/audit/record.server";
import { membershipAudit } from "./audit-actions.server";
import { consentColumns, profileColumns } from "./members.server";
import type { PreferencesInput, ProfileInput } from "./profile-schema";
import { invalidateUserSessions } from "~/auth/sessions.server";

/** A member's own changes from the account page. Each is audit-logged without the values themselves. */

/** A change the member makes to their own account, with its audit entry, in one transaction. */
async function ownChange(
  userId: number,
  audit: Pick<AuditEntryInput<keyof typeof membershipAudit.actions>, "action" | "details">,
  change: (trx: Kysely<DB>) => Promise<unknown>,
): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      await change(trx);
      await membershipAudit.record(trx, { ...audit, actorUserId: userId, subjectType: "user", subjectId: userId });
    });
}

function updateOwnRow(trx: Kysely<DB>, userId: number, columns: UserUpdate) {
  return trx
    .updateTable("users")
    .set({ ...columns, updated_at: nowIso() })
    .where("id", "=", userId)
    .execute();
}

export async function updateProfile(userId: number, input: ProfileInput): Promise<void> {
  await ownChange(userId, { action: "member.profile-updated" }, (trx) => updateOwnRow(trx, userId, profileColumns(input)));
}

/** `alsoInTransaction` lets the page record what other features keep about the change (the bulletin's unsubscribe history). */
export async function updatePreferences(userId: number, input: PreferencesInput, alsoInTransaction?: (trx: Kysely<DB>) => Promise<void>): Promise<void> {
  const details = { bulletin: Boolean(input.bulletin), events: Boolean(input.events) };
  await ownChange(userId, { action: "member.preferences-updated", details }, async (trx) => {
    await updateOwnRow(trx, userId, consentColumns(input));
    await alsoInTransaction?.(trx);
  });
}

/** Ends every session of the member, including the one making the request. */
export async function signOutEverywhere(userId: number): Promise<void> {
  await ownChange(userId, { action: "member.signed-out-everywhere" }, (trx) => invalidateUserSessions(userId, trx));
}
