import type { Kysely } from "kysely";

/**
 * The unsubscribe links in webinar and event emails (announcements, "recording published"): one per
 * copy, like the bulletin's, stopping the member's "webinar and event emails" choice without signing in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("event_email_unsubscribe_tokens")
    // SHA-256 of the random token in one copy's unsubscribe link; the token itself is only in that email.
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_email_unsubscribe_tokens_user").on("event_email_unsubscribe_tokens").column("user_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("event_email_unsubscribe_tokens").execute();
}
