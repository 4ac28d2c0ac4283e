import type { Kysely } from "kysely";
import { dropRecordingSearchIndex, installRecordingSearchIndex } from "../../app/recordings/search.server";

/**
 * The recordings library: recordings (each from a webinar), their themes, their files (video,
 * captions, slides; the bytes live in the storage module, never in the database), who has been told
 * a recording is published (once each), and the search index (its own module, being SQLite-only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("recordings")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    // A recording outlives its webinar's row: the library keeps it if staff ever delete the webinar.
    .addColumn("webinar_id", "integer", (c) => c.references("webinars.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("speakers", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("duration_seconds", "integer")
    .addColumn("external_url", "text")
    .addColumn("captions_end_seconds", "real")
    .addColumn("slides_summary", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("published_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("recordings_status_recorded").on("recordings").columns(["status", "recorded_at"]).execute();
  await db.schema.createIndex("recordings_webinar").on("recordings").column("webinar_id").execute();

  await db.schema
    .createTable("recording_themes")
    .addColumn("recording_id", "integer", (c) => c.notNull().references("recordings.id").onDelete("cascade"))
    .addColumn("theme", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("recording_themes_pk", ["recording_id", "theme"])
    .execute();
  await db.schema.createIndex("recording_themes_theme").on("recording_themes").columns(["theme", "recording_id"]).execute();

  await db.schema
    .createTable("recording_files")
    // Random, so a file's address says nothing about other files; the stored name is another random key.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("recording_id", "integer", (c) => c.notNull().references("recordings.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("recording_files_kind").on("recording_files").columns(["recording_id", "kind"]).unique().execute();

  await db.schema
    .createTable("recording_notifications")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("recording_id", "integer", (c) => c.notNull().references("recordings.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // The guarantee behind "once per person, even if unpublished and published again".
  await db.schema
    .createIndex("recording_notifications_once")
    .on("recording_notifications")
    .columns(["recording_id", "user_id"])
    .unique()
    .execute();
  await db.schema.createIndex("recording_notifications_user").on("recording_notifications").column("user_id").execute();

  await installRecordingSearchIndex(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropRecordingSearchIndex(db);
  for (const table of ["recording_notifications", "recording_files", "recording_themes", "recordings"]) {
    await db.schema.dropTable(table).execute();
  }
}
