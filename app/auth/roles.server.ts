import type { ExpressionBuilder, Kysely } from "kysely";
import type { DB } from "#db/schema";
import { now } from "~/clock.server";
import { db } from "~/db.server";

/**
 * Roles are grants: network-wide (scope null, e.g. "admin") or held on one thing (scope names it,
 * e.g. "workspace_lead" with the workspace's slug). Access checks live in access.server.ts.
 */
export type Role = "admin" | "workspace_lead";

export const ROLES: readonly Role[] = ["admin", "workspace_lead"];

/** The roles as staff pages name them. */
export const ROLE_LABELS: Record<Role, string> = { admin: "Admin", workspace_lead: "Workspace lead" };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface RoleGrant {
  role: string;
  /** Null for network-wide roles. */
  scope: string | null;
}

/** Every grant the user holds, in one query (the access checks read them once a request). */
export async function grantsOf(userId: number, executor: Kysely<DB> = db()): Promise<RoleGrant[]> {
  return executor.selectFrom("role_grants").select(["role", "scope"]).where("user_id", "=", userId).execute();
}

/** The scopes on which the user holds `role`, e.g. the workspaces they lead. */
export async function scopesWithRole(userId: number, role: Role, executor: Kysely<DB> = db()): Promise<string[]> {
  const rows = await executor.selectFrom("role_grants").select("scope").where("user_id", "=", userId).where("role", "=", role).where("scope", "is not", null).execute();
  return rows.flatMap((row) => (row.scope === null ? [] : [row.scope]));
}

/** How a grant reads in messages and on staff pages, e.g. "workspace_lead (london)". */
export function describeRole(role: string, scope: string | null): string {
  return scope ? `${role} (${scope})` : role;
}

/** The one grant of `role` to the user with exactly this scope (null: network-wide). */
function theGrant(userId: number, role: Role, scope: string | null) {
  return (eb: ExpressionBuilder<DB, "role_grants">) =>
    eb.and([eb("user_id", "=", userId), eb("role", "=", role), scope === null ? eb("scope", "is", null) : eb("scope", "=", scope)]);
}

export async function hasRole(userId: number, role: Role, scope: string | null = null, executor: Kysely<DB> = db()): Promise<boolean> {
  const grant = await executor.selectFrom("role_grants").select("id").where(theGrant(userId, role, scope)).executeTakeFirst();
  return grant !== undefined;
}

/** Grants the role unless the user already has it; true when it was granted now. */
export async function grantRole(
  userId: number,
  role: Role,
  options: { scope?: string | null; grantedBy?: number | null; executor?: Kysely<DB> } = {},
): Promise<boolean> {
  const executor = options.executor ?? db();
  const scope = options.scope ?? null;
  // SQLite's unique index treats NULL scopes as distinct, so check first rather than rely on a conflict.
  if (await hasRole(userId, role, scope, executor)) return false;
  await executor
    .insertInto("role_grants")
    .values({ user_id: userId, role, scope, granted_at: now().toISOString(), granted_by: options.grantedBy ?? null })
    .execute();
  return true;
}

/** Withdraws the role; true when the user had it. */
export async function revokeRole(userId: number, role: Role, scope: string | null = null, executor: Kysely<DB> = db()): Promise<boolean> {
  const result = await executor.deleteFrom("role_grants").where(theGrant(userId, role, scope)).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Withdraws every role the user has, when they are removed or leave. */
export async function revokeAllRoles(userId: number, executor: Kysely<DB> = db()): Promise<void> {
  await executor.deleteFrom("role_grants").where("user_id", "=", userId).execute();
}
