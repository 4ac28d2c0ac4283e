import type { Kysely } from "kysely";

/**
 * Indexes for staff lists at network size (found with bench/pages.ts on 20,000 members): the members
 * list is newest first, and a member's history is the audit entries about them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("users_created").on("users").columns(["created_at", "id"]).execute();
  await db.schema.createIndex("audit_log_subject").on("audit_log").columns(["subject_type", "subject_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("audit_log_subject").execute();
  await db.schema.dropIndex("users_created").execute();
}
