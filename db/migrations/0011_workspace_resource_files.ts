import type { Kysely } from "kysely";

/**
 * Files in a workspace's resources list, beside its links (workspace_resources, whose web address is
 * required). A table of their own rather than a rebuilt links table: nothing existing changes, and the
 * resources list reads both. The bytes live in file storage under a random key, never in the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("workspace_resource_files")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("workspace_id", "integer", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    // The uploaded file's own name, made safe and ending with its format's extension: shown, and used when it is saved.
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("added_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("workspace_resource_files_workspace").on("workspace_resource_files").columns(["workspace_id", "created_at"]).execute();
  await db.schema.createIndex("workspace_resource_files_added_by").on("workspace_resource_files").column("added_by").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("workspace_resource_files").execute();
}
