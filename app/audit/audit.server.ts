import type { ExpressionBuilder, Kysely } from "kysely";
import type { DB } from "#db/schema";
import { db } from "~/db.server";
import { allFeatures } from "~/features.server";
import { containsIgnoringCase } from "~/lib/like.server";
import { paginate } from "~/lib/paging.server";
import { readAllDetails, type AuditActionSpec, type AuditDetailLine, type AuditSubjectSpec } from "./define";

/** Reading the audit log: every entry described through the features' catalogues. */

function catalogue() {
  const actions = new Map<string, AuditActionSpec>();
  const subjects = new Map<string, AuditSubjectSpec>();
  for (const feature of allFeatures()) {
    for (const [name, spec] of Object.entries(feature.audit?.actions ?? {})) actions.set(name, spec);
    for (const [name, spec] of Object.entries(feature.audit?.subjects ?? {})) subjects.set(name, spec);
  }
  return { actions, subjects };
}

/** Every action any feature has declared, with its label, for filters and tests. */
export function auditActionLabels(): Array<{ action: string; label: string }> {
  return [...catalogue().actions].map(([action, spec]) => ({ action, label: spec.label }));
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
  /** The subject in words: the member's name, or how its feature describes it. */
  subjectName: string | null;
  /** The staff page about the subject, when there is one. */
  subjectHref: string | null;
  details: Record<string, unknown>;
  detailLines: AuditDetailLine[];
}

/** Entries as the staff pages show them: their details in words only, so the page does not carry them twice. */
export function entriesForPage(entries: AuditEntry[]): Array<Omit<AuditEntry, "details">> {
  return entries.map(({ details: _inWords, ...entry }) => entry);
}

export const AUDIT_PAGE_SIZE = 25;

export interface AuditFilters {
  /** Only entries about this member. */
  aboutUserId?: number;
  /** Only this action, e.g. "member.approved". */
  action?: string;
  /** Words in the name or address of whoever acted or whom the entry is about. */
  person?: string;
  /** Only entries at or after this time (UTC ISO). */
  from?: string;
  /** Only entries before this time (UTC ISO). */
  before?: string;
}

/** Newest first, a page at a time, optionally filtered. */
export async function listAudit(
  options: AuditFilters & { page?: number; pageSize?: number } = {},
  executor: Kysely<DB> = db(),
): Promise<{ entries: AuditEntry[]; total: number; page: number; pageCount: number }> {
  let filtered = executor.selectFrom("audit_log");
  if (options.aboutUserId !== undefined) {
    filtered = filtered.where("audit_log.subject_type", "=", "user").where("audit_log.subject_id", "=", String(options.aboutUserId));
  }
  if (options.action) filtered = filtered.where("audit_log.action", "=", options.action);
  if (options.from) filtered = filtered.where("audit_log.at", ">=", options.from);
  if (options.before) filtered = filtered.where("audit_log.at", "<", options.before);
  const person = options.person?.trim();
  if (person) {
    // Subqueries rather than joins, so the count below still reads only the audit log and the matching people.
    const matching = (eb: ExpressionBuilder<DB, "audit_log">) =>
      eb.selectFrom("users").where((inner) => inner.or(["users.full_name", "users.email"].map((column) => containsIgnoringCase(column, person))));
    filtered = filtered.where((eb) =>
      eb.or([
        eb("audit_log.actor_user_id", "in", matching(eb).select("users.id")),
        eb.and([
          eb("audit_log.subject_type", "=", "user"),
          eb("audit_log.subject_id", "in", matching(eb).select((inner) => inner.cast<string>(inner.ref("users.id"), "text").as("id"))),
        ]),
      ]),
    );
  }
  // Names are joined for the page's rows only, so counting does not join every entry to the users table.
  const { rows, total, page, pageCount } = await paginate(filtered, { page: options.page, pageSize: options.pageSize ?? AUDIT_PAGE_SIZE }, (query) =>
    query
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
      .orderBy("audit_log.id", "desc"),
  );
  const { actions, subjects } = catalogue();
  const entries = rows.map((row): AuditEntry => {
    const spec = actions.get(row.action);
    const details = JSON.parse(row.details_json) as Record<string, unknown>;
    const subject = row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null;
    const subjectSpec = subject ? subjects.get(subject.type) : undefined;
    return {
      id: row.id,
      at: row.at,
      action: row.action,
      summary: spec?.label ?? row.action,
      actorUserId: row.actor_user_id,
      actorName: row.actor_user_id === null ? "Command line" : (row.actor_name ?? "Former member"),
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      subjectName: !subject ? null : subject.type === "user" ? (row.subject_name ?? "Former member") : (subjectSpec?.describe(subject.id) ?? subject.id),
      subjectHref: !subject ? null : subject.type === "user" ? `/admin/members/${subject.id}` : (subjectSpec?.href?.(subject.id) ?? null),
      details,
      detailLines: (spec?.details ?? readAllDetails)(details),
    };
  });
  return { entries, total, page, pageCount };
}
