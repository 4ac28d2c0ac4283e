import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { now } from "~/clock.server";
import { db } from "~/db.server";

/**
 * Roles are grants: network-wide ("admin") or scoped to a workspace ("workspace_lead" with the
 * workspace's slug as scope, arriving with workspaces).
 */
export type Role = "admin" | "workspace_lead";

export async function hasRole(userId: number, role: Role, scope: string | null = null): Promise<boolean> {
  const grant = await db()
    .selectFrom("role_grants")
    .select("id")
    .where("user_id", "=", userId)
    .where("role", "=", role)
    .where((eb) => (scope === null ? eb("scope", "is", null) : eb("scope", "=", scope)))
    .executeTakeFirst();
  return grant !== undefined;
}

export const ROLES: readonly Role[] = ["admin", "workspace_lead"];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export async function grantRole(
  userId: number,
  role: Role,
  options: { scope?: string | null; grantedBy?: number | null; executor?: Kysely<DB> } = {},
) {
  const executor = options.executor ?? db();
  const scope = options.scope ?? null;
  // SQLite's unique index treats NULL scopes as distinct, so check first rather than rely on a conflict.
  const existing = await executor
    .selectFrom("role_grants")
    .select("id")
    .where("user_id", "=", userId)
    .where("role", "=", role)
    .where((eb) => (scope === null ? eb("scope", "is", null) : eb("scope", "=", scope)))
    .executeTakeFirst();
  if (existing) return;
  await executor
    .insertInto("role_grants")
    .values({ user_id: userId, role, scope, granted_at: now().toISOString(), granted_by: options.grantedBy ?? null })
    .execute();
}

export async function revokeRole(userId: number, role: Role, scope: string | null = null, executor: Kysely<DB> = db()) {
  await executor
    .deleteFrom("role_grants")
    .where("user_id", "=", userId)
    .where("role", "=", role)
    .where((eb) => (scope === null ? eb("scope", "is", null) : eb("scope", "=", scope)))
    .execute();
}
