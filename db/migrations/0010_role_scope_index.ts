import type { Kysely } from "kysely";

/**
 * Who holds a role on a scope (a workspace's leads, on every workspace page): without this index SQLite
 * started from the users table and probed each of 20,000 members' grants (1.2 ms a page, bench/workspaces.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("role_grants_role_scope").on("role_grants").columns(["role", "scope"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("role_grants_role_scope").execute();
}
