import { sql, type Kysely } from "kysely";

/**
 * Outbox for bulk sends and safer delivery: a campaign's rendered body is stored once (outbox_bodies)
 * and each recipient's row keeps only its own values; messages can expire; a failure says what kind
 * it was (a permanent refusal, expiry, or retries used up); security emails are marked sensitive so
 * their bodies can be removed once delivered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("outbox_bodies")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("campaign_key", "text", (c) => c.notNull().unique())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("html", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema.alterTable("outbox").addColumn("body_id", "integer", (c) => c.references("outbox_bodies.id")).execute();
  await db.schema.alterTable("outbox").addColumn("vars_json", "text").execute();
  await db.schema.alterTable("outbox").addColumn("expires_at", "text").execute();
  await db.schema.alterTable("outbox").addColumn("sensitive", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("outbox").addColumn("failure_kind", "text").execute();
  await db.schema.alterTable("outbox").addColumn("failure_code", "integer").execute();
  await db.schema.alterTable("outbox").addColumn("failed_at", "text").execute();
  // One row per recipient of a campaign, so queueing it again resumes instead of doubling.
  // Single emails have no body_id, and SQLite treats NULLs as distinct, so they never clash.
  await db.schema.createIndex("outbox_campaign_recipient").on("outbox").columns(["body_id", "to_address"]).unique().execute();
  await db.schema.createIndex("outbox_failed_at").on("outbox").column("failed_at").where(sql.ref("failed_at"), "is not", null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("outbox_failed_at").execute();
  await db.schema.dropIndex("outbox_campaign_recipient").execute();
  for (const column of ["failed_at", "failure_code", "failure_kind", "sensitive", "expires_at", "vars_json", "body_id"]) {
    await db.schema.alterTable("outbox").dropColumn(column).execute();
  }
  await db.schema.dropTable("outbox_bodies").execute();
}
