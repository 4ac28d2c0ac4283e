import type { Kysely } from "kysely";
import type { DB, Workspace } from "#db/schema";
import type { CurrentUser } from "~/auth/access.server";
import { db } from "~/db.server";
import { isWorkspaceLead, type MembershipStatus } from "./access.server";

/** The /workspaces list: every workspace a member can see, with their standing in each. */

export interface WorkspaceCard {
  slug: string;
  name: string;
  description: string;
  kind: Workspace["kind"];
  visibility: Workspace["visibility"];
  status: MembershipStatus;
  isLead: boolean;
  /** Null where the member may not know it (a private workspace they are not in). */
  memberCount: number | null;
  subAreas: WorkspaceCard[];
}

/** Members of each workspace, counted from the membership index in one query. */
async function memberCounts(executor: Kysely<DB>): Promise<Map<number, number>> {
  const rows = await executor
    .selectFrom("workspace_memberships")
    .select(["workspace_id", (eb) => eb.fn.countAll<number>().as("count")])
    .where("status", "=", "member")
    .groupBy("workspace_id")
    .execute();
  return new Map(rows.map((row) => [row.workspace_id, Number(row.count)]));
}

export async function listWorkspacesFor(current: CurrentUser, executor: Kysely<DB> = db()): Promise<{ regional: WorkspaceCard[]; themed: WorkspaceCard[] }> {
  const [workspaces, counts, mine] = await Promise.all([
    executor.selectFrom("workspaces").selectAll().orderBy("position").orderBy("name").execute(),
    memberCounts(executor),
    executor.selectFrom("workspace_memberships").select(["workspace_id", "status"]).where("user_id", "=", current.user.id).execute(),
  ]);
  const statusOf = new Map(mine.map((row) => [row.workspace_id, row.status]));
  const card = (workspace: Workspace): WorkspaceCard => {
    const status = statusOf.get(workspace.id) ?? "none";
    const isLead = isWorkspaceLead(current, workspace);
    const mayCount = workspace.visibility === "open" || status === "member" || isLead;
    return {
      slug: workspace.slug,
      name: workspace.name,
      description: workspace.description,
      kind: workspace.kind,
      visibility: workspace.visibility,
      status,
      isLead,
      memberCount: mayCount ? (counts.get(workspace.id) ?? 0) : null,
      subAreas: workspaces.filter((sub) => sub.parent_id === workspace.id).map(card),
    };
  };
  const topLevel = workspaces.filter((workspace) => workspace.parent_id === null).map(card);
  return { regional: topLevel.filter((w) => w.kind === "regional"), themed: topLevel.filter((w) => w.kind === "themed") };
}

/** The workspace's active leads, by name (shown on its page, and emailed about requests to join). */
export async function leadsOf(workspace: { slug: string }, executor: Kysely<DB> = db()) {
  return executor
    .selectFrom("role_grants")
    .innerJoin("users", "users.id", "role_grants.user_id")
    .select(["users.id", "users.full_name", "users.email"])
    .where("role_grants.role", "=", "workspace_lead")
    .where("role_grants.scope", "=", workspace.slug)
    .where("users.status", "=", "active")
    .orderBy("users.full_name")
    .execute();
}

export async function subAreasOf(workspaceId: number, executor: Kysely<DB> = db()) {
  return executor.selectFrom("workspaces").select(["slug", "name", "description", "visibility"]).where("parent_id", "=", workspaceId).orderBy("position").execute();
}

export async function parentOf(workspace: Workspace, executor: Kysely<DB> = db()) {
  if (workspace.parent_id === null) return null;
  return (await executor.selectFrom("workspaces").select(["slug", "name"]).where("id", "=", workspace.parent_id).executeTakeFirst()) ?? null;
}

/** What every workspace page shows at its top: name, visibility and the workspace above it. */
export async function headingFor(workspace: Workspace) {
  return { slug: workspace.slug, name: workspace.name, visibility: workspace.visibility, parent: await parentOf(workspace) };
}
