import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { recordAudit } from "./audit.server";
import { consentColumns, profileColumns } from "./members.server";
import type { PreferencesInput, ProfileInput } from "./profile-schema";
import { invalidateUserSessions } from "./sessions.server";

/** A member's own changes from the account page. Each is audit-logged without the values themselves. */

export async function updateProfile(userId: number, input: ProfileInput): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable("users")
        .set({ ...profileColumns(input), updated_at: nowIso() })
        .where("id", "=", userId)
        .execute();
      await recordAudit(trx, { actorUserId: userId, action: "member.profile-updated", subjectType: "user", subjectId: userId });
    });
}

export async function updatePreferences(userId: number, input: PreferencesInput): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable("users")
        .set({ ...consentColumns(input), updated_at: nowIso() })
        .where("id", "=", userId)
        .execute();
      await recordAudit(trx, {
        actorUserId: userId,
        action: "member.preferences-updated",
        subjectType: "user",
        subjectId: userId,
        details: { bulletin: Boolean(input.bulletin), events: Boolean(input.events) },
      });
    });
}

/** Ends every session of the member, including the one making the request. */
export async function signOutEverywhere(userId: number): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      await invalidateUserSessions(userId, trx);
      await recordAudit(trx, { actorUserId: userId, action: "member.signed-out-everywhere", subjectType: "user", subjectId: userId });
    });
}
