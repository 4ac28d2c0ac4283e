import type { User } from "#db/schema";
import { db } from "~/db.server";
import { authAudit } from "./audit-actions.server";
import { findUserByEmail } from "./users.server";
import { describeRole, grantRole, isRole, revokeRole, ROLES, type Role } from "./roles.server";

/** Granting and revoking roles by email address (the operator CLI), audit-logged. */

export class RoleChangeError extends Error {}

export interface RoleChange {
  email: string;
  role: string;
  /** The workspace slug, for scoped roles (workspace_lead). */
  scope?: string | null;
  /** Null when run from the command line. */
  actorUserId: number | null;
  /**
   * Whether `scope` names something that exists (for workspace_lead, a workspace). Given by callers that take
   * typed-in scopes (the command line); auth cannot look workspaces up itself without depending on that feature.
   */
  scopeExists?: (scope: string) => Promise<boolean>;
}

async function resolve(change: RoleChange): Promise<{ user: User; role: Role; scope: string | null }> {
  if (!isRole(change.role)) throw new RoleChangeError(`Unknown role "${change.role}". Roles: ${ROLES.join(", ")}.`);
  const scope = change.scope?.trim() || null;
  if (change.role === "workspace_lead" && !scope) throw new RoleChangeError("The workspace_lead role needs a workspace slug.");
  if (change.role === "admin" && scope) throw new RoleChangeError("The admin role applies to the whole network; give no workspace.");
  if (scope && change.scopeExists && !(await change.scopeExists(scope))) throw new RoleChangeError(`No workspace has the slug "${scope}".`);
  const user = await findUserByEmail(change.email);
  if (!user || user.status === "left") throw new RoleChangeError(`No member has the email address ${change.email}.`);
  return { user, role: change.role, scope };
}

/** Returns a sentence saying what happened. */
export async function grantRoleByEmail(change: RoleChange): Promise<string> {
  const { user, role, scope } = await resolve(change);
  if (user.status !== "active") throw new RoleChangeError(`${change.email} is not an active member (status: ${user.status}).`);
  return db()
    .transaction()
    .execute(async (trx) => {
      const granted = await grantRole(user.id, role, { scope, grantedBy: change.actorUserId, executor: trx });
      if (!granted) return `${user.full_name} already has the ${describeRole(role, scope)} role.`;
      await authAudit.record(trx, { actorUserId: change.actorUserId, action: "role.granted", subjectType: "user", subjectId: user.id, details: { role, scope } });
      return `Granted the ${describeRole(role, scope)} role to ${user.full_name}.`;
    });
}

export async function revokeRoleByEmail(change: RoleChange): Promise<string> {
  const { user, role, scope } = await resolve(change);
  return db()
    .transaction()
    .execute(async (trx) => {
      // Nothing was deleted when this throws, so the rollback undoes nothing.
      if (!(await revokeRole(user.id, role, scope, trx))) throw new RoleChangeError(`${user.full_name} does not have the ${describeRole(role, scope)} role.`);
      await authAudit.record(trx, { actorUserId: change.actorUserId, action: "role.revoked", subjectType: "user", subjectId: user.id, details: { role, scope } });
      return `Revoked the ${describeRole(role, scope)} role from ${user.full_name}.`;
    });
}
