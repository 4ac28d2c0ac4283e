import { db } from "~/db.server";
import { recordAudit } from "./audit.server";
import { findUserByEmail } from "./members.server";
import { grantRole, isRole, revokeRole, ROLES, type Role } from "./roles.server";

/** Granting and revoking roles by email address (the operator CLI), audit-logged. */

export class RoleChangeError extends Error {}

export interface RoleChange {
  email: string;
  role: string;
  /** The workspace slug, for scoped roles (workspace_lead). */
  scope?: string | null;
  /** Null when run from the command line. */
  actorUserId: number | null;
}

async function resolve(change: RoleChange): Promise<{ userId: number; name: string; role: Role; scope: string | null }> {
  if (!isRole(change.role)) throw new RoleChangeError(`Unknown role "${change.role}". Roles: ${ROLES.join(", ")}.`);
  const scope = change.scope?.trim() || null;
  if (change.role === "workspace_lead" && !scope) throw new RoleChangeError("The workspace_lead role needs a workspace slug.");
  if (change.role === "admin" && scope) throw new RoleChangeError("The admin role applies to the whole network; give no workspace.");
  const user = await findUserByEmail(change.email);
  if (!user || user.status === "left") throw new RoleChangeError(`No member has the email address ${change.email}.`);
  return { userId: user.id, name: user.full_name, role: change.role, scope };
}

function roleLabel(role: Role, scope: string | null) {
  return scope ? `${role} (${scope})` : role;
}

/** Returns a sentence saying what happened. */
export async function grantRoleByEmail(change: RoleChange): Promise<string> {
  const { userId, name, role, scope } = await resolve(change);
  const user = await db().selectFrom("users").select("status").where("id", "=", userId).executeTakeFirstOrThrow();
  if (user.status !== "active") throw new RoleChangeError(`${change.email} is not an active member (status: ${user.status}).`);
  return db()
    .transaction()
    .execute(async (trx) => {
      const existing = await trx
        .selectFrom("role_grants")
        .select("id")
        .where("user_id", "=", userId)
        .where("role", "=", role)
        .where((eb) => (scope === null ? eb("scope", "is", null) : eb("scope", "=", scope)))
        .executeTakeFirst();
      if (existing) return `${name} already has the ${roleLabel(role, scope)} role.`;
      await grantRole(userId, role, { scope, grantedBy: change.actorUserId, executor: trx });
      await recordAudit(trx, { actorUserId: change.actorUserId, action: "role.granted", subjectType: "user", subjectId: userId, details: { role, scope } });
      return `Granted the ${roleLabel(role, scope)} role to ${name}.`;
    });
}

export async function revokeRoleByEmail(change: RoleChange): Promise<string> {
  const { userId, name, role, scope } = await resolve(change);
  return db()
    .transaction()
    .execute(async (trx) => {
      const existing = await trx
        .selectFrom("role_grants")
        .select("id")
        .where("user_id", "=", userId)
        .where("role", "=", role)
        .where((eb) => (scope === null ? eb("scope", "is", null) : eb("scope", "=", scope)))
        .executeTakeFirst();
      if (!existing) throw new RoleChangeError(`${name} does not have the ${roleLabel(role, scope)} role.`);
      await revokeRole(userId, role, scope, trx);
      await recordAudit(trx, { actorUserId: change.actorUserId, action: "role.revoked", subjectType: "user", subjectId: userId, details: { role, scope } });
      return `Revoked the ${roleLabel(role, scope)} role from ${name}.`;
    });
}
