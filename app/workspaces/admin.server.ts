import type { Workspace } from "#db/schema";
import { authAudit } from "~/auth/audit-actions.server";
import { grantRole, revokeRole } from "~/auth/roles.server";
import { findUserByEmail } from "~/auth/users.server";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { recordOnce, type Once } from "~/lib/once.server";
import { WORKSPACE_LEAD } from "./access.server";
import { workspacesAudit } from "./audit-actions.server";
import { leadsOf } from "./directory.server";
import type { WorkspaceInput } from "./schemas";

/** Staff work on workspaces: creating and changing them, and appointing their leads. */

export type AdminOutcome<T = object> = ({ ok: true } & T) | { ok: false; field?: string; error: string };

/** Addresses in the app that are not workspaces, so no workspace can take them. */
const RESERVED_SLUGS = new Set(["new", "unsubscribe", "posts", "threads", "admin"]);

export async function listAllWorkspaces() {
  const workspaces = await db().selectFrom("workspaces").selectAll().orderBy("position").orderBy("name").execute();
  const grants = await db()
    .selectFrom("role_grants")
    .innerJoin("users", "users.id", "role_grants.user_id")
    .select(["role_grants.scope", "users.full_name"])
    .where("role_grants.role", "=", WORKSPACE_LEAD)
    .where("users.status", "=", "active")
    .execute();
  const counts = await db()
    .selectFrom("workspace_memberships")
    .select(["workspace_id", "status", (eb) => eb.fn.countAll<number>().as("count")])
    .groupBy(["workspace_id", "status"])
    .execute();
  const parentName = new Map(workspaces.map((w) => [w.id, w.name]));
  return workspaces.map((workspace) => ({
    id: workspace.id,
    slug: workspace.slug,
    name: workspace.name,
    kind: workspace.kind,
    visibility: workspace.visibility,
    parentName: workspace.parent_id === null ? null : (parentName.get(workspace.parent_id) ?? null),
    leads: grants.filter((grant) => grant.scope === workspace.slug).map((grant) => grant.full_name),
    members: Number(counts.find((c) => c.workspace_id === workspace.id && c.status === "member")?.count ?? 0),
    requests: Number(counts.find((c) => c.workspace_id === workspace.id && c.status === "requested")?.count ?? 0),
  }));
}

export async function findWorkspaceById(id: number): Promise<Workspace | undefined> {
  return db().selectFrom("workspaces").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Top-level workspaces, the ones a sub-area can sit in. */
export async function parentChoices(exceptId?: number) {
  let query = db().selectFrom("workspaces").select(["id", "name"]).where("parent_id", "is", null);
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  return query.orderBy("position").execute();
}

async function checkParent(parentId: number | undefined, selfId?: number): Promise<string | null> {
  if (parentId === undefined) return null;
  if (parentId === selfId) return "A workspace cannot be a sub-area of itself";
  const parent = await db().selectFrom("workspaces").select(["id", "parent_id"]).where("id", "=", parentId).executeTakeFirst();
  if (!parent) return "Choose a workspace from the list";
  if (parent.parent_id !== null) return "Choose a top-level workspace: sub-areas cannot have sub-areas";
  if (selfId !== undefined) {
    const children = await db().selectFrom("workspaces").select("id").where("parent_id", "=", selfId).limit(1).execute();
    if (children.length) return "This workspace has sub-areas of its own, so it cannot be a sub-area";
  }
  return null;
}

export async function createWorkspace(actorUserId: number, input: WorkspaceInput & { slug: string }, once?: Once): Promise<AdminOutcome<{ id: number }>> {
  if (RESERVED_SLUGS.has(input.slug)) return { ok: false, field: "slug", error: "That web address is used by the portal itself. Choose another" };
  const taken = await db().selectFrom("workspaces").select("id").where("slug", "=", input.slug).executeTakeFirst();
  if (taken) return { ok: false, field: "slug", error: "A workspace already has that web address" };
  const parentError = await checkParent(input.parentId);
  if (parentError) return { ok: false, field: "parentId", error: parentError };
  return db()
    .transaction()
    .execute(async (trx) => {
      const at = nowIso();
      const last = await trx.selectFrom("workspaces").select((eb) => eb.fn.max("position").as("position")).executeTakeFirst();
      const row = await trx
        .insertInto("workspaces")
        .values({
          slug: input.slug,
          name: input.name,
          description: input.description,
          kind: input.kind,
          visibility: input.visibility,
          parent_id: input.parentId ?? null,
          rules: input.rules ?? "",
          position: Number(last?.position ?? 0) + 10,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await workspacesAudit.record(trx, { actorUserId, action: "workspace.created", subjectType: "workspace", subjectId: row.id, details: { workspaceId: row.id } });
      await recordOnce(trx, once, row.id);
      return { ok: true, id: row.id };
    });
}

/** Changes everything but the slug, which is in links and lead grants and so never changes. */
export async function updateWorkspace(actorUserId: number, workspace: Workspace, input: WorkspaceInput): Promise<AdminOutcome> {
  const parentError = await checkParent(input.parentId, workspace.id);
  if (parentError) return { ok: false, field: "parentId", error: parentError };
  const next = {
    name: input.name,
    description: input.description,
    kind: input.kind,
    visibility: input.visibility,
    parent_id: input.parentId ?? null,
    rules: input.rules ?? "",
  };
  const changed = (Object.keys(next) as Array<keyof typeof next>).filter((key) => next[key] !== workspace[key]);
  if (changed.length === 0) return { ok: true };
  return db()
    .transaction()
    .execute(async (trx) => {
      await trx.updateTable("workspaces").set({ ...next, updated_at: nowIso() }).where("id", "=", workspace.id).execute();
      await workspacesAudit.record(trx, { actorUserId, action: "workspace.updated", subjectType: "workspace", subjectId: workspace.id, details: { workspaceId: workspace.id, changed } });
      return { ok: true };
    });
}

/**
 * Appoints a lead: the scoped role workspace_lead on the workspace's slug, audited as a role grant
 * (as the command line's `grant-role <email> workspace_lead <slug>` is). A lead of a workspace
 * also becomes a member of it, so it is in their list and they can take part.
 */
export async function appointLead(actorUserId: number, workspace: Workspace, email: string): Promise<AdminOutcome> {
  const user = await findUserByEmail(email);
  if (!user || user.status !== "active") return { ok: false, field: "email", error: "No active member has that email address" };
  return db()
    .transaction()
    .execute(async (trx) => {
      const granted = await grantRole(user.id, WORKSPACE_LEAD, { scope: workspace.slug, grantedBy: actorUserId, executor: trx });
      if (!granted) return { ok: false, field: "email", error: `${user.full_name} already leads this workspace` };
      const at = nowIso();
      await trx
        .insertInto("workspace_memberships")
        .values({ workspace_id: workspace.id, user_id: user.id, status: "member", joined_at: at, decided_by: actorUserId })
        .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doUpdateSet({ status: "member", joined_at: at, removed_at: null, removed_reason: null }))
        .execute();
      await authAudit.record(trx, { actorUserId, action: "role.granted", subjectType: "user", subjectId: user.id, details: { role: WORKSPACE_LEAD, scope: workspace.slug } });
      return { ok: true };
    });
}

/** Takes the lead role away; they stay a member of the workspace. */
export async function removeLead(actorUserId: number, workspace: Workspace, userId: number): Promise<AdminOutcome> {
  return db()
    .transaction()
    .execute(async (trx) => {
      if (!(await revokeRole(userId, WORKSPACE_LEAD, workspace.slug, trx))) return { ok: false, error: "They do not lead this workspace" };
      await authAudit.record(trx, { actorUserId, action: "role.revoked", subjectType: "user", subjectId: userId, details: { role: WORKSPACE_LEAD, scope: workspace.slug } });
      return { ok: true };
    });
}

export { leadsOf };
