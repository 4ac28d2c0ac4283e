import type { Kysely } from "kysely";
import type { DB, Workspace } from "#db/schema";
import { holdsRole, requireUser, type CurrentUser } from "~/auth/access.server";
import { db } from "~/db.server";

/**
 * Who may do what in a workspace. Every workspace loader and action starts here.
 *
 * - Open workspaces: any member reads them; joining is one button; members post.
 * - Private workspaces: any member sees the name and description (to ask to join); everything else
 *   is for its members, and to anyone else it does not exist (404), so nothing of it leaks.
 * - Leads hold the scoped role "workspace_lead" on the workspace's slug (slugs never change). They
 *   read, post and moderate there and nowhere else. Admins hold every role, so they lead everywhere.
 * - A sub-area (such as a private area inside a themed workspace) is a workspace of its own, with its
 *   own members and leads: leading the workspace above it gives nothing inside it.
 */

export type MembershipStatus = "member" | "requested" | "removed" | "none";

export interface WorkspaceViewer {
  current: CurrentUser;
  workspace: Workspace;
  status: MembershipStatus;
  isLead: boolean;
  /** Reads threads, posts, resources, members and rules. */
  canRead: boolean;
  /** Starts threads, replies and reports: members and leads. */
  canPost: boolean;
}

export const WORKSPACE_LEAD = "workspace_lead" as const;

export function isWorkspaceLead(current: CurrentUser, workspace: { slug: string }): boolean {
  return holdsRole(current, WORKSPACE_LEAD, workspace.slug);
}

export function notFound(): Response {
  return new Response(null, { status: 404 });
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export async function findWorkspaceBySlug(slug: string | undefined, executor: Kysely<DB> = db()): Promise<Workspace | undefined> {
  if (!slug) return undefined;
  return executor.selectFrom("workspaces").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function membershipStatus(workspaceId: number, userId: number, executor: Kysely<DB> = db()): Promise<MembershipStatus> {
  const row = await executor
    .selectFrom("workspace_memberships")
    .select("status")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.status ?? "none";
}

export function viewerOf(current: CurrentUser, workspace: Workspace, status: MembershipStatus): WorkspaceViewer {
  const isLead = isWorkspaceLead(current, workspace);
  const isMember = status === "member";
  return {
    current,
    workspace,
    status,
    isLead,
    canRead: isLead || isMember || (workspace.visibility === "open" && status !== "removed"),
    canPost: isLead || isMember,
  };
}

/** What a page needs before it shows anything of the workspace beyond its name. */
export type Need = "see" | "read" | "post" | "lead";

/**
 * The signed-in member's standing in the workspace named in the URL, or the response that refuses
 * them: visitors (and joiners not yet approved, who cannot sign in) go to sign in; an unknown slug,
 * or a private workspace's content to a non-member, is 404; an open workspace's members-only or
 * leads-only actions are 403.
 */
export async function requireWorkspace(request: Request, slug: string | undefined, need: Need): Promise<WorkspaceViewer> {
  const current = await requireUser(request);
  const workspace = await findWorkspaceBySlug(slug);
  if (!workspace) throw notFound();
  const viewer = viewerOf(current, workspace, await membershipStatus(workspace.id, current.user.id));
  if (need === "see") return viewer;
  if (!viewer.canRead) throw notFound();
  if (need === "post" && !viewer.canPost) throw forbidden();
  if (need === "lead" && !viewer.isLead) throw forbidden();
  return viewer;
}

/** The slugs of the workspaces the member leads (admins lead every workspace). */
export function ledSlugs(current: CurrentUser): string[] {
  return current.roles.filter((grant) => grant.role === WORKSPACE_LEAD && grant.scope !== null).map((grant) => grant.scope as string);
}
