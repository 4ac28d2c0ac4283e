import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { nowIso } from "~/clock.server";
import type { AuditActionSpec, AuditCatalogue, AuditSubjectSpec } from "./define";

/**
 * The audit log: who did what, to whom, when. Written in the same transaction as the change it
 * records, so an entry exists if and only if the change does. Details never hold a name or an
 * email address: people are referred to by id, so an entry says nothing personal once a member leaves.
 */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

export interface AuditEntryInput<Action extends string = string> {
  /** The member who acted; null for the command line or the system. */
  actorUserId: number | null;
  action: Action;
  /** "user" for a member, or a subject kind the feature declares (e.g. "domain", "webinar"). */
  subjectType?: string | null;
  subjectId?: string | number | null;
  details?: AuditDetails;
}

async function recordAudit(executor: Kysely<DB>, entry: AuditEntryInput): Promise<void> {
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

/**
 * A feature's audit actions: the catalogue the audit page reads, and `record`, which only accepts
 * the actions declared here, so an entry can never be written that staff cannot read.
 */
export function defineAuditActions<const Actions extends Record<string, AuditActionSpec>>(catalogue: {
  actions: Actions;
  subjects?: Record<string, AuditSubjectSpec>;
}): Omit<AuditCatalogue, "actions"> & {
  actions: Actions;
  record: (executor: Kysely<DB>, entry: AuditEntryInput<keyof Actions & string>) => Promise<void>;
} {
  return { ...catalogue, record: recordAudit };
}
