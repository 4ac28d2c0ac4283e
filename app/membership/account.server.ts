import type { Kysely } from "kysely";
import type { DB, User, UserUpdate } from "#db/schema";
import { findUserById } from "~/auth/users.server";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import type { AuditEntryInput } from "~/audit/record.server";
import { membershipAudit } from "./audit-actions.server";
import { consentColumns, parseInterests, profileColumns } from "./members.server";
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

/** The profile questions by the users column each sets (see profileColumns). */
const PROFILE_FIELDS = {
  full_name: "fullName",
  organisation: "organisation",
  job_role: "jobRole",
  region: "region",
  icb_pcn: "icbPcn",
  workspace_interests_json: "workspaceInterests",
} as const satisfies Record<keyof ReturnType<typeof profileColumns>, keyof ProfileInput>;

/** Which profile questions a change answers differently (workspaces in any order count as the same). */
function changedProfileFields(before: User, after: ReturnType<typeof profileColumns>): string[] {
  const same = (column: keyof typeof PROFILE_FIELDS) =>
    column === "workspace_interests_json"
      ? parseInterests(before[column]).sort().join() === parseInterests(after[column]).sort().join()
      : before[column] === after[column];
  return (Object.keys(PROFILE_FIELDS) as Array<keyof typeof PROFILE_FIELDS>).filter((column) => !same(column)).map((column) => PROFILE_FIELDS[column]);
}

/**
 * Saves the member's answers. The audit entry names the questions that changed (never the answers),
 * so staff can see what kind of change it was; saving without changing anything records nothing.
 */
export async function updateProfile(userId: number, input: ProfileInput): Promise<void> {
  const columns = profileColumns(input);
  const before = await findUserById(userId);
  const fields = before ? changedProfileFields(before, columns) : [];
  if (fields.length === 0) return;
  await ownChange(userId, { action: "member.profile-updated", details: { fields } }, (trx) => updateOwnRow(trx, userId, columns));
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
