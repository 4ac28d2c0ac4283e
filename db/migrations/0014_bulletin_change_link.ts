import type { Kysely } from "kysely";

/**
 * Which copy's unsubscribe link (its stored hash) a change of the bulletin choice was made through, so
 * only the page of that copy offers to undo it. Null for changes made in the email preferences, and for
 * changes from before this column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("bulletin_subscription_changes")
    .addColumn("token_hash", "text", (c) => c.references("bulletin_unsubscribe_tokens.token_hash").onDelete("set null"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("bulletin_subscription_changes").dropColumn("token_hash").execute();
}
