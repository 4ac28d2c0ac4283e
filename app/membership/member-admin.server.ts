import type { Kysely } from "kysely";
import type { DB, User } from "#db/schema";
import { memberApprovedEmail } from "#emails/member-approved";
import { memberDeclinedEmail } from "#emails/member-declined";
import { memberRemovedEmail } from "#emails/member-removed";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { membershipAudit } from "./audit-actions.server";
import { containsIgnoringCase } from "~/lib/like.server";
import { paginate } from "~/lib/paging.server";
import type { MemberStatus } from "./member-statuses";
import { findUserById } from "~/auth/users.server";
import { staffVisibleEmail } from "~/privacy/tombstone";
import { revokeAllRoles } from "~/auth/roles.server";
import { invalidateUserSessions } from "~/auth/sessions.server";

/** Staff work on members: finding them, and approving, declining or removing them. */

export interface MemberSearch {
  q?: string;
  status?: MemberStatus;
  region?: string;
  jobRole?: string;
  page?: number;
}

export const MEMBERS_PAGE_SIZE = 20;

/**
 * Members matching the search, newest first. Without a status filter, people who have left are
 * not listed: their rows are anonymised tombstones, not members.
 */
export async function searchMembers(search: MemberSearch, executor: Kysely<DB> = db()) {
  let query = executor.selectFrom("users");
  const q = search.q?.trim();
  if (q) query = query.where((eb) => eb.or(["full_name", "email", "organisation"].map((column) => containsIgnoringCase(column, q))));
  query = search.status ? query.where("status", "=", search.status) : query.where("status", "!=", "left");
  if (search.region) query = query.where("region", "=", search.region);
  if (search.jobRole) query = query.where("job_role", "=", search.jobRole);

  const everyoneCurrent = !q && !search.status && !search.region && !search.jobRole;
  const count = everyoneCurrent ? () => countCurrentMembers(executor) : undefined;
  const { rows, total, page, pageCount } = await paginate(query, { page: search.page, pageSize: MEMBERS_PAGE_SIZE, count }, (filtered) =>
    filtered
      .select(["id", "full_name", "email", "organisation", "job_role", "region", "status", "created_at"])
      .orderBy("created_at", "desc")
      .orderBy("id", "desc"),
  );
  return { members: rows.map((member) => ({ ...member, email: staffVisibleEmail(member) })), total, page, pageCount };
}

/**
 * Everyone but those who left, counted as all members less the leavers: SQLite counts a whole table from
 * its b-tree pages (5 µs for 20,000 members) and the leavers through the status index, where counting
 * "status != 'left'" reads every entry of that index (0.7 ms, most of the default list's queries).
 */
async function countCurrentMembers(executor: Kysely<DB>): Promise<number> {
  const [all, left] = await Promise.all([
    executor.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow(),
    executor.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("count")).where("status", "=", "left").executeTakeFirstOrThrow(),
  ]);
  return Number(all.count) - Number(left.count);
}

export async function countPendingJoiners(executor: Kysely<DB> = db()): Promise<number> {
  const { count } = await executor
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** The joiner who has waited longest for approval, other than `exceptId`: whom staff review next. */
export async function nextWaitingJoiner(exceptId: number, executor: Kysely<DB> = db()) {
  return executor
    .selectFrom("users")
    .select(["id", "full_name"])
    .where("status", "=", "pending")
    .where("id", "!=", exceptId)
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .executeTakeFirst();
}

/** `fullName`: the member the decision was about, for the page that says it was made. */
export type StaffActionResult = { ok: true; fullName: string } | { ok: false; error: string };

/**
 * Moves a member on from the status a staff decision applies to, then does the decision's own work
 * (audit entry, email, …) in the same transaction. `notApplicable` ends the sentence saying why not.
 */
async function changeStatus(
  memberId: number,
  change: { from: MemberStatus; notApplicable: string; to: MemberStatus; reason: string | null },
  effects: (trx: Kysely<DB>, member: User) => Promise<void>,
): Promise<StaffActionResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const member = await findUserById(memberId, trx);
      if (!member) return { ok: false, error: "There is no member with that id" } as const;
      if (member.status !== change.from) return { ok: false, error: `${member.full_name} ${change.notApplicable}` } as const;
      await trx
        .updateTable("users")
        .set({ status: change.to, status_reason: change.reason, updated_at: nowIso() })
        .where("id", "=", memberId)
        .execute();
      await effects(trx, member);
      return { ok: true, fullName: member.full_name } as const;
    });
}

const NOT_PENDING = "is not waiting for approval";

/** A pending joiner becomes an active member and is told by email. */
export async function approveMember(actorUserId: number, memberId: number): Promise<StaffActionResult> {
  return changeStatus(memberId, { from: "pending", notApplicable: NOT_PENDING, to: "active", reason: null }, async (trx, member) => {
    await membershipAudit.record(trx, { actorUserId, action: "member.approved", subjectType: "user", subjectId: memberId });
    await enqueueEmail(trx, { to: member.email, template: memberApprovedEmail, props: { fullName: member.full_name } });
  });
}

/**
 * Approves several joiners, each on its own (emailed and audited as one approval), so one that is no
 * longer waiting does not hold up the others. Returns who was approved and why any were not.
 */
export async function approveMembers(actorUserId: number, memberIds: readonly number[]): Promise<{ approved: string[]; notApproved: string[] }> {
  const approved: string[] = [];
  const notApproved: string[] = [];
  for (const memberId of new Set(memberIds)) {
    const result = await approveMember(actorUserId, memberId);
    if (result.ok) approved.push(result.fullName);
    else notApproved.push(result.error);
  }
  return { approved, notApproved };
}

/** A pending joiner is turned down; the reason is kept and emailed to them. */
export async function declineMember(actorUserId: number, memberId: number, reason: string): Promise<StaffActionResult> {
  return changeStatus(memberId, { from: "pending", notApplicable: NOT_PENDING, to: "declined", reason }, async (trx, member) => {
    await invalidateUserSessions(memberId, trx);
    await membershipAudit.record(trx, { actorUserId, action: "member.declined", subjectType: "user", subjectId: memberId, details: { reason } });
    await enqueueEmail(trx, { to: member.email, template: memberDeclinedEmail, props: { fullName: member.full_name, reason } });
  });
}

/** An active member is removed: signed out everywhere, roles withdrawn, told why by email. */
export async function removeMember(actorUserId: number, memberId: number, reason: string): Promise<StaffActionResult> {
  if (memberId === actorUserId) return { ok: false, error: "You cannot remove yourself. Ask another admin." };
  return changeStatus(memberId, { from: "active", notApplicable: "is not an active member", to: "removed", reason }, async (trx, member) => {
    await invalidateUserSessions(memberId, trx);
    await revokeAllRoles(memberId, trx);
    await membershipAudit.record(trx, { actorUserId, action: "member.removed", subjectType: "user", subjectId: memberId, details: { reason } });
    await enqueueEmail(trx, { to: member.email, template: memberRemovedEmail, props: { fullName: member.full_name, reason } });
  });
}

/** One member as staff see them: profile, roles and how many devices are signed in. */
export async function getMemberForStaff(memberId: number, executor: Kysely<DB> = db()) {
  const member = await findUserById(memberId, executor);
  if (!member) return undefined;
  const roles = await executor.selectFrom("role_grants").select(["role", "scope", "granted_at"]).where("user_id", "=", memberId).execute();
  const { count } = await executor
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("user_id", "=", memberId)
    .where("expires_at", ">", nowIso())
    .executeTakeFirstOrThrow();
  return { member, roles, activeSessions: Number(count) };
}
