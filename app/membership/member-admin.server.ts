import { sql, type Kysely } from "kysely";
import type { DB, User } from "#db/schema";
import { memberApprovedEmail } from "#emails/member-approved";
import { memberDeclinedEmail } from "#emails/member-declined";
import { memberRemovedEmail } from "#emails/member-removed";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { recordAudit } from "./audit.server";
import type { MemberStatus } from "./member-statuses";
import { invalidateUserSessions } from "./sessions.server";

/** Staff work on members: finding them, and approving, declining or removing them. */

export interface MemberSearch {
  q?: string;
  status?: MemberStatus;
  region?: string;
  jobRole?: string;
  page?: number;
}

export const MEMBERS_PAGE_SIZE = 20;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Members matching the search, newest first. Without a status filter, people who have left are
 * not listed: their rows are anonymised tombstones, not members.
 */
export async function searchMembers(search: MemberSearch, executor: Kysely<DB> = db()) {
  let query = executor.selectFrom("users");
  const q = search.q?.trim().toLowerCase();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    query = query.where((eb) =>
      eb.or(
        (["full_name", "email", "organisation"] as const).map(
          (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  query = search.status ? query.where("status", "=", search.status) : query.where("status", "!=", "left");
  if (search.region) query = query.where("region", "=", search.region);
  if (search.jobRole) query = query.where("job_role", "=", search.jobRole);

  const { count } = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const total = Number(count);
  const pageCount = Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, search.page ?? 1), pageCount);
  const members = await query
    .select(["id", "full_name", "email", "organisation", "job_role", "region", "status", "created_at"])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(MEMBERS_PAGE_SIZE)
    .offset((page - 1) * MEMBERS_PAGE_SIZE)
    .execute();
  return { members, total, page, pageCount };
}

export async function countPendingJoiners(executor: Kysely<DB> = db()): Promise<number> {
  const { count } = await executor
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return Number(count);
}

export type StaffActionResult = { ok: true } | { ok: false; error: string };

async function loadMember(trx: Kysely<DB>, memberId: number): Promise<User | undefined> {
  return trx.selectFrom("users").selectAll().where("id", "=", memberId).executeTakeFirst();
}

async function setStatus(trx: Kysely<DB>, memberId: number, status: MemberStatus, reason: string | null) {
  await trx.updateTable("users").set({ status, status_reason: reason, updated_at: nowIso() }).where("id", "=", memberId).execute();
}

/** A pending joiner becomes an active member and is told by email. */
export async function approveMember(actorUserId: number, memberId: number): Promise<StaffActionResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const member = await loadMember(trx, memberId);
      if (!member) return { ok: false, error: "There is no member with that id" } as const;
      if (member.status !== "pending") return { ok: false, error: `${member.full_name} is not waiting for approval` } as const;
      await setStatus(trx, memberId, "active", null);
      await recordAudit(trx, { actorUserId, action: "member.approved", subjectType: "user", subjectId: memberId });
      await enqueueEmail(trx, { to: member.email, template: memberApprovedEmail, props: { fullName: member.full_name } });
      return { ok: true } as const;
    });
}

/** A pending joiner is turned down; the reason is kept and emailed to them. */
export async function declineMember(actorUserId: number, memberId: number, reason: string): Promise<StaffActionResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const member = await loadMember(trx, memberId);
      if (!member) return { ok: false, error: "There is no member with that id" } as const;
      if (member.status !== "pending") return { ok: false, error: `${member.full_name} is not waiting for approval` } as const;
      await setStatus(trx, memberId, "declined", reason);
      await invalidateUserSessions(memberId, trx);
      await recordAudit(trx, { actorUserId, action: "member.declined", subjectType: "user", subjectId: memberId, details: { reason } });
      await enqueueEmail(trx, { to: member.email, template: memberDeclinedEmail, props: { fullName: member.full_name, reason } });
      return { ok: true } as const;
    });
}

/** An active member is removed: signed out everywhere, roles withdrawn, told why by email. */
export async function removeMember(actorUserId: number, memberId: number, reason: string): Promise<StaffActionResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const member = await loadMember(trx, memberId);
      if (!member) return { ok: false, error: "There is no member with that id" } as const;
      if (memberId === actorUserId) return { ok: false, error: "You cannot remove yourself. Ask another admin." } as const;
      if (member.status !== "active") return { ok: false, error: `${member.full_name} is not an active member` } as const;
      await setStatus(trx, memberId, "removed", reason);
      await invalidateUserSessions(memberId, trx);
      await trx.deleteFrom("role_grants").where("user_id", "=", memberId).execute();
      await recordAudit(trx, { actorUserId, action: "member.removed", subjectType: "user", subjectId: memberId, details: { reason } });
      await enqueueEmail(trx, { to: member.email, template: memberRemovedEmail, props: { fullName: member.full_name, reason } });
      return { ok: true } as const;
    });
}

/** One member as staff see them: profile, roles and how many devices are signed in. */
export async function getMemberForStaff(memberId: number, executor: Kysely<DB> = db()) {
  const member = await loadMember(executor, memberId);
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
