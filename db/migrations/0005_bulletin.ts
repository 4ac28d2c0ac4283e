import type { Kysely } from "kysely";

/**
 * The monthly bulletin: what staff write, one row per bulletin and member it was queued for (the
 * unique pair lets a send that stopped half way resume without skipping or repeating anyone), the
 * unsubscribe links in the copies (hashed), every unsubscribe and resubscribe with its source, and
 * addresses the mail server refused for good.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("bulletins")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("preheader", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body_markdown", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("scheduled_for", "text")
    .addColumn("send_started_at", "text")
    .addColumn("queued_at", "text")
    .addColumn("recipient_count", "integer")
    .addColumn("is_public", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("bulletins_status").on("bulletins").columns(["status", "send_started_at"]).execute();

  await db.schema
    .createTable("bulletin_recipients")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("bulletin_id", "integer", (c) => c.notNull().references("bulletins.id").onDelete("cascade"))
    // Null once the member has left: the row stays, without them, so the bulletin's figures still add up.
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("to_address", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("queued"))
    .addColumn("queued_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("bulletin_recipients_once")
    .on("bulletin_recipients")
    .columns(["bulletin_id", "user_id"])
    .unique()
    .execute();
  await db.schema.createIndex("bulletin_recipients_user").on("bulletin_recipients").column("user_id").execute();
  // Finds a copy from its outbox row (the campaign body and the address), e.g. when it is refused.
  await db.schema.createIndex("bulletin_recipients_address").on("bulletin_recipients").columns(["bulletin_id", "to_address"]).execute();

  await db.schema
    .createTable("bulletin_unsubscribe_tokens")
    // SHA-256 of the random token in one copy's unsubscribe link; the token itself is only in that email.
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("bulletin_id", "integer", (c) => c.references("bulletins.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("bulletin_unsubscribe_tokens_user").on("bulletin_unsubscribe_tokens").column("user_id").execute();

  await db.schema
    .createTable("bulletin_subscription_changes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    // The last bulletin sent to the member before the change, so staff see what people left after.
    .addColumn("bulletin_id", "integer", (c) => c.references("bulletins.id").onDelete("set null"))
    .addColumn("change", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("bulletin_subscription_changes_bulletin").on("bulletin_subscription_changes").column("bulletin_id").execute();
  await db.schema.createIndex("bulletin_subscription_changes_user").on("bulletin_subscription_changes").column("user_id").execute();

  await db.schema
    .createTable("bulletin_bounces")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    // The address refused: once the member changes theirs, the record no longer applies.
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("smtp_code", "integer")
    .addColumn("bulletin_id", "integer", (c) => c.references("bulletins.id").onDelete("set null"))
    .addColumn("bounced_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["bulletin_bounces", "bulletin_subscription_changes", "bulletin_unsubscribe_tokens", "bulletin_recipients", "bulletins"]) {
    await db.schema.dropTable(table).execute();
  }
}
