import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("organisation", "text", (c) => c.notNull())
    .addColumn("job_role", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("icb_pcn", "text")
    .addColumn("workspace_interests_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("bulletin_opt_in", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("events_opt_in", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("unverified"))
    .addColumn("status_reason", "text")
    .addColumn("email_verified_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("users_status").on("users").column("status").execute();

  await db.schema
    .createTable("role_grants")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("scope", "text")
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addColumn("granted_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("role_grants_unique")
    .on("role_grants")
    .columns(["user_id", "role", "scope"])
    .unique()
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_verified_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("email_challenges")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("public_id", "text", (c) => c.notNull().unique())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull())
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("data_json", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("failed_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("consumed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("email_challenges_email").on("email_challenges").column("email").execute();

  await db.schema
    .createTable("rate_limit_hits")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("rate_limit_hits_bucket").on("rate_limit_hits").columns(["bucket", "at"]).execute();

  await db.schema
    .createTable("domain_overrides")
    .addColumn("domain", "text", (c) => c.primaryKey())
    .addColumn("policy", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text")
    .addColumn("subject_id", "text")
    .addColumn("details_json", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["audit_log", "domain_overrides", "rate_limit_hits", "email_challenges", "sessions", "role_grants", "users"]) {
    await db.schema.dropTable(table).execute();
  }
}
