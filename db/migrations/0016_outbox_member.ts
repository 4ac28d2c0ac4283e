import type { Kysely } from "kysely";

/**
 * The member an email belonged to, set when the address it went to stops being theirs (a change of
 * address, or leaving), so their download and erasure still find it and the address's next owner does
 * not. Null while the email is found by the address it went to (docs/decisions/0005-leaving.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("outbox")
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
    .execute();
  // Without it, deleting a users row (unconfirmed joiners are purged) would scan the whole outbox for the foreign key.
  await db.schema.createIndex("outbox_user").on("outbox").column("user_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("outbox_user").execute();
  await db.schema.alterTable("outbox").dropColumn("user_id").execute();
}
