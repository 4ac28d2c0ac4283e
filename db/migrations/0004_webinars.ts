import type { Kysely } from "kysely";

/**
 * Webinars: one-off events and fortnightly series (each occurrence is its own row, so one can be
 * edited or cancelled alone), registrations with their status, the personal joining-link tokens
 * (hashed), who pressed Join, and each "registration is open" announcement (sent once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("webinar_series")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("speakers", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    // The UK date of the first occurrence (YYYY-MM-DD) and the UK time of day (HH:MM): each
    // occurrence keeps its local time across clock changes.
    .addColumn("first_date", "text", (c) => c.notNull())
    .addColumn("local_start_time", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("interval_days", "integer", (c) => c.notNull().defaultTo(14))
    .addColumn("occurrences_ahead", "integer", (c) => c.notNull().defaultTo(6))
    .addColumn("capacity", "integer", (c) => c.notNull())
    .addColumn("meeting_url", "text", (c) => c.notNull())
    .addColumn("registration_open", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("questions_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("stopped_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("webinars")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("series_id", "integer", (c) => c.references("webinar_series.id").onDelete("set null"))
    .addColumn("series_index", "integer")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("speakers", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull())
    .addColumn("meeting_url", "text", (c) => c.notNull())
    .addColumn("registration_open", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("questions_json", "text", (c) => c.notNull().defaultTo("[]"))
    // The calendar file's SEQUENCE: raised on every change a calendar should pick up.
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("cancelled_at", "text")
    .addColumn("cancel_reason", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("webinars_starts_at").on("webinars").column("starts_at").execute();
  await db.schema.createIndex("webinars_series_occurrence").on("webinars").columns(["series_id", "series_index"]).unique().execute();

  await db.schema
    .createTable("webinar_registrations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("webinar_id", "integer", (c) => c.notNull().references("webinars.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("answers_json", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("registered_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decline_reason", "text")
    // Order on the waiting list: first in, first promoted.
    .addColumn("waitlisted_at", "text")
    .addColumn("cancelled_at", "text")
    // Set when the joining-link email is queued, in the same transaction: never sent twice.
    .addColumn("links_sent_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("webinar_registrations_member")
    .on("webinar_registrations")
    .columns(["webinar_id", "user_id"])
    .unique()
    .execute();
  await db.schema.createIndex("webinar_registrations_status").on("webinar_registrations").columns(["webinar_id", "status"]).execute();
  await db.schema.createIndex("webinar_registrations_user").on("webinar_registrations").column("user_id").execute();

  await db.schema
    .createTable("webinar_link_tokens")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("registration_id", "integer", (c) => c.notNull().references("webinar_registrations.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("webinar_link_tokens_registration").on("webinar_link_tokens").column("registration_id").execute();

  await db.schema
    .createTable("webinar_joins")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("registration_id", "integer", (c) => c.notNull().references("webinar_registrations.id").onDelete("cascade"))
    // Keyed hash of a random per-browser cookie: tells browsers apart without identifying them.
    .addColumn("browser_hash", "text", (c) => c.notNull())
    .addColumn("joined_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("webinar_joins_registration").on("webinar_joins").column("registration_id").execute();

  await db.schema
    .createTable("webinar_announcements")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    // "webinar:<id>" or "series:<id>": one announcement each, however often it is asked for.
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("webinar_id", "integer", (c) => c.references("webinars.id").onDelete("cascade"))
    .addColumn("series_id", "integer", (c) => c.references("webinar_series.id").onDelete("cascade"))
    .addColumn("sent_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["webinar_announcements", "webinar_joins", "webinar_link_tokens", "webinar_registrations", "webinars", "webinar_series"]) {
    await db.schema.dropTable(table).execute();
  }
}
