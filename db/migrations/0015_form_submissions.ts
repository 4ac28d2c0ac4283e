import type { Kysely } from "kysely";

/**
 * Create forms' one-time tokens (app/lib/once.server.ts): each records what its submission created,
 * so the same submission sent again (a double click, a resend after a slow answer, two tabs) creates
 * nothing more and is sent to what the first one created.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("form_submissions")
    // The random token from the form's hidden field.
    .addColumn("token", "text", (c) => c.notNull())
    // What was created ("webinar", "bulletin"…) and its id, for sending a repeat to it.
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_id", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    // The key is what stops a second copy. With the kind in it, the same showing of a form sent again with
    // another choice (a series instead of one webinar, a file instead of a link) is a new submission.
    .addPrimaryKeyConstraint("form_submissions_pk", ["token", "kind"])
    .execute();
  await db.schema.createIndex("form_submissions_created_at").on("form_submissions").column("created_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("form_submissions").execute();
}
