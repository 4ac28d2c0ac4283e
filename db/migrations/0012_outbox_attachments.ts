import type { Kysely } from "kysely";

/**
 * Files attached to a single email (e.g. a webinar's calendar file), stored on its outbox row as JSON
 * so they are queued in the same insert as the email and leased with it. A nullable column rather than
 * a table: bulk sends never attach anything, so their rows and delivery stay as they were (no extra
 * query per message).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("attachments_json", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("attachments_json").execute();
}
