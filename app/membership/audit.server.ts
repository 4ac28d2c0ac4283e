import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";

/**
 * The audit log: who did what, to whom, when. Written in the same transaction as the change it
 * records, so an entry exists if and only if the change does. Details never hold a name or an
 * email address: people are referred to by id, so an entry says nothing personal once a member leaves.
 */
export type AuditAction =
  | "member.joined"
  | "member.approved"
  | "member.declined"
  | "member.removed"
  | "member.left"
  | "member.profile-updated"
  | "member.email-changed"
  | "member.preferences-updated"
  | "member.signed-out-everywhere"
  | "role.granted"
  | "role.revoked"
  | "domain-override.added"
  | "domain-override.removed";

const ACTION_LABELS: Record<AuditAction, string> = {
  "member.joined": "Confirmed their email address on joining",
  "member.approved": "Approved a joiner",
  "member.declined": "Declined a joiner",
  "member.removed": "Removed a member",
  "member.left": "Left the network",
  "member.profile-updated": "Updated their profile",
  "member.email-changed": "Changed their email address",
  "member.preferences-updated": "Changed their email preferences",
  "member.signed-out-everywhere": "Signed out of all devices",
  "role.granted": "Granted a role",
  "role.revoked": "Revoked a role",
  "domain-override.added": "Added a domain rule",
  "domain-override.removed": "Removed a domain rule",
};

export function describeAuditAction(action: string): string {
  return ACTION_LABELS[action as AuditAction] ?? action;
}

export interface AuditEntryInput {
  /** The member who acted; null for the command line. */
  actorUserId: number | null;
  action: AuditAction;
  subjectType?: "user" | "domain" | null;
  subjectId?: string | number | null;
  details?: Record<string, string | number | boolean | null>;
}

export async function recordAudit(executor: Kysely<DB>, entry: AuditEntryInput): Promise<void> {
  await executor
    .insertInto("audit_log")
    .values({
      actor_user_id: entry.actorUserId,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId === undefined || entry.subjectId === null ? null : String(entry.subjectId),
      details_json: JSON.stringify(entry.details ?? {}),
      at: nowIso(),
    })
    .execute();
}

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  summary: string;
  actorUserId: number | null;
  /** "Command line" when no member acted. */
  actorName: string;
  subjectType: string | null;
  subjectId: string | null;
  /** The member the entry is about, when it is about a member. */
  subjectName: string | null;
  details: Record<string, unknown>;
}

export const AUDIT_PAGE_SIZE = 25;

/** Newest first, a page at a time; optionally only the entries about one member. */
export async function listAudit(
  options: { page?: number; pageSize?: number; aboutUserId?: number } = {},
  executor: Kysely<DB> = db(),
): Promise<{ entries: AuditEntry[]; total: number; page: number; pageCount: number }> {
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  let base = executor.selectFrom("audit_log");
  if (options.aboutUserId !== undefined) {
    base = base.where("audit_log.subject_type", "=", "user").where("audit_log.subject_id", "=", String(options.aboutUserId));
  }
  const { count } = await base.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const total = Number(count);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const rows = await base
    .leftJoin("users as actor", "actor.id", "audit_log.actor_user_id")
    .leftJoin("users as subject", (join) =>
      join.on((eb) =>
        eb.and([
          eb("audit_log.subject_type", "=", "user"),
          eb("subject.id", "=", eb.cast<number>(eb.ref("audit_log.subject_id"), "integer")),
        ]),
      ),
    )
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.actor_user_id",
      "audit_log.subject_type",
      "audit_log.subject_id",
      "audit_log.details_json",
      "actor.full_name as actor_name",
      "subject.full_name as subject_name",
    ])
    .orderBy("audit_log.at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const entries = rows.map((row) => ({
    id: row.id,
    at: row.at,
    action: row.action,
    summary: describeAuditAction(row.action),
    actorUserId: row.actor_user_id,
    actorName: row.actor_user_id === null ? "Command line" : (row.actor_name ?? "Former member"),
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    subjectName: row.subject_name ?? null,
    details: JSON.parse(row.details_json) as Record<string, unknown>,
  }));
  return { entries, total, page, pageCount };
}
