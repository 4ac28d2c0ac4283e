import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { workspaceJoinRequestEmail } from "#emails/workspace-join-request";
import { workspaceMemberRemovedEmail } from "#emails/workspace-member-removed";
import { workspaceRequestApprovedEmail } from "#emails/workspace-request-approved";
import { workspaceRequestDeclinedEmail } from "#emails/workspace-request-declined";
import { rateLimitMessage, takeRateLimit } from "~/auth/rate-limits.server";
import { hasRole } from "~/auth/roles.server";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { paginate } from "~/lib/paging.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { WORKSPACE_LEAD, type WorkspaceViewer } from "./access.server";
import { workspacesAudit } from "./audit-actions.server";
import { leadsOf } from "./directory.server";

/** Joining and leaving workspaces, requests to join private ones, and leads removing members. */

export type Outcome = { ok: true } | { ok: false; error: string };

const fail = (error: string): Outcome => ({ ok: false, error });
const OK: Outcome = { ok: true };

/** An open workspace: one button, no one to ask. */
export async function joinWorkspace(viewer: WorkspaceViewer): Promise<Outcome> {
  const { workspace, current, status } = viewer;
  if (workspace.visibility !== "open") return fail("This workspace is private: ask to join it");
  if (status === "removed") return fail("You were removed from this workspace, so you cannot join it again");
  if (status === "member") return OK;
  const at = nowIso();
  await db()
    .insertInto("workspace_memberships")
    .values({ workspace_id: workspace.id, user_id: current.user.id, status: "member", requested_at: null, joined_at: at })
    .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doNothing())
    .execute();
  return OK;
}

/** Leaving also stops the workspace's daily email. Removed members stay removed. */
export async function leaveWorkspace(viewer: WorkspaceViewer): Promise<Outcome> {
  const { workspace, current } = viewer;
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx.deleteFrom("workspace_memberships").where("workspace_id", "=", workspace.id).where("user_id", "=", current.user.id).where("status", "=", "member").execute();
      await trx.deleteFrom("workspace_digest_subscriptions").where("workspace_id", "=", workspace.id).where("user_id", "=", current.user.id).execute();
    });
  return OK;
}

/** Requests email the workspace's leads, so a member can make only a few a day. */
const REQUEST_LIMIT = { limit: 10, windowMs: 24 * 60 * 60_000 };

export async function requestToJoin(viewer: WorkspaceViewer, message: string | undefined): Promise<Outcome> {
  const { workspace, current, status } = viewer;
  if (workspace.visibility !== "private") return fail("This workspace is open: join it straight away");
  if (status === "removed") return fail("You were removed from this workspace, so you cannot ask to join it again");
  if (status !== "none") return OK;
  const limit = await takeRateLimit([{ bucket: `workspace-request:user:${current.user.id}`, ...REQUEST_LIMIT }]);
  if (!limit.allowed) return fail(rateLimitMessage(limit.retryAfterMs, "You have asked to join too many workspaces today."));
  await db()
    .transaction()
    .execute(async (trx) => {
      const inserted = await trx
        .insertInto("workspace_memberships")
        .values({ workspace_id: workspace.id, user_id: current.user.id, status: "requested", request_message: message?.trim() || null, requested_at: nowIso() })
        .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
      for (const lead of await leadsOf(workspace, trx)) {
        await enqueueEmail(trx, {
          to: lead.email,
          template: workspaceJoinRequestEmail,
          props: { requesterName: current.user.full_name, workspaceName: workspace.name, workspaceSlug: workspace.slug },
        });
      }
    });
  return OK;
}

export async function cancelRequest(viewer: WorkspaceViewer): Promise<Outcome> {
  await db()
    .deleteFrom("workspace_memberships")
    .where("workspace_id", "=", viewer.workspace.id)
    .where("user_id", "=", viewer.current.user.id)
    .where("status", "=", "requested")
    .execute();
  return OK;
}

/** A membership row of the workspace with the member's name and address, for a lead's decision. */
async function membershipFor(trx: Kysely<DB>, workspaceId: number, userId: number) {
  return trx
    .selectFrom("workspace_memberships")
    .innerJoin("users", "users.id", "workspace_memberships.user_id")
    .select(["workspace_memberships.id", "workspace_memberships.status", "users.full_name", "users.email", "users.status as user_status"])
    .where("workspace_memberships.workspace_id", "=", workspaceId)
    .where("workspace_memberships.user_id", "=", userId)
    .executeTakeFirst();
}

export async function approveRequest(viewer: WorkspaceViewer, userId: number): Promise<Outcome> {
  const { workspace, current } = viewer;
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await membershipFor(trx, workspace.id, userId);
      if (!row || row.status !== "requested") return fail("That request has already been decided or withdrawn");
      if (row.user_status !== "active") return fail(`${row.full_name} is no longer an active member of the network`);
      await trx.updateTable("workspace_memberships").set({ status: "member", joined_at: nowIso(), decided_by: current.user.id }).where("id", "=", row.id).execute();
      await workspacesAudit.record(trx, {
        actorUserId: current.user.id,
        action: "workspace.request_approved",
        subjectType: "user",
        subjectId: userId,
        details: { workspaceId: workspace.id },
      });
      await enqueueEmail(trx, {
        to: row.email,
        template: workspaceRequestApprovedEmail,
        props: { fullName: row.full_name, workspaceName: workspace.name, workspaceSlug: workspace.slug },
      });
      return OK;
    });
}

export async function declineRequest(viewer: WorkspaceViewer, userId: number, reason: string): Promise<Outcome> {
  const { workspace, current } = viewer;
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await membershipFor(trx, workspace.id, userId);
      if (!row || row.status !== "requested") return fail("That request has already been decided or withdrawn");
      await trx.deleteFrom("workspace_memberships").where("id", "=", row.id).execute();
      await workspacesAudit.record(trx, {
        actorUserId: current.user.id,
        action: "workspace.request_declined",
        subjectType: "user",
        subjectId: userId,
        details: { workspaceId: workspace.id, reason },
      });
      await enqueueEmail(trx, { to: row.email, template: workspaceRequestDeclinedEmail, props: { fullName: row.full_name, workspaceName: workspace.name, reason } });
      return OK;
    });
}

/**
 * A lead removes a member from the workspace (not from the network): they can no longer read or post
 * there, their daily email for it stops, open reports about them are settled, and they are emailed why.
 * Leads of the workspace and admins cannot be removed this way; an admin takes the lead role away first.
 */
export async function removeFromWorkspace(viewer: WorkspaceViewer, userId: number, reason: string, options: { reportId?: number } = {}): Promise<Outcome> {
  const { workspace, current } = viewer;
  if (userId === current.user.id) return fail("You cannot remove yourself. Leave the workspace instead");
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await membershipFor(trx, workspace.id, userId);
      if (!row || row.status !== "member") return fail("They are not a member of this workspace");
      if ((await hasRole(userId, WORKSPACE_LEAD, workspace.slug, trx)) || (await hasRole(userId, "admin", null, trx))) {
        return fail(`${row.full_name} leads this workspace. Ask an admin to take away their lead role first`);
      }
      const at = nowIso();
      await trx
        .updateTable("workspace_memberships")
        .set({ status: "removed", removed_at: at, removed_reason: reason, decided_by: current.user.id })
        .where("id", "=", row.id)
        .execute();
      await trx.deleteFrom("workspace_digest_subscriptions").where("workspace_id", "=", workspace.id).where("user_id", "=", userId).execute();
      await trx
        .updateTable("workspace_reports")
        .set({ status: "actioned", resolved_at: at, resolved_by: current.user.id, resolution: "removed-member" })
        .where("workspace_id", "=", workspace.id)
        .where("status", "=", "open")
        .where("post_id", "in", (eb) => eb.selectFrom("workspace_posts").select("id").where("workspace_id", "=", workspace.id).where("author_id", "=", userId))
        .execute();
      await workspacesAudit.record(trx, {
        actorUserId: current.user.id,
        action: "workspace.member_removed",
        subjectType: "user",
        subjectId: userId,
        details: { workspaceId: workspace.id, reason, ...(options.reportId ? { reportId: options.reportId } : {}) },
      });
      await enqueueEmail(trx, { to: row.email, template: workspaceMemberRemovedEmail, props: { fullName: row.full_name, workspaceName: workspace.name, reason } });
      return OK;
    });
}

/** Lets a removed member join (or ask to join) again. */
export async function readmit(viewer: WorkspaceViewer, userId: number): Promise<Outcome> {
  const { workspace, current } = viewer;
  return db()
    .transaction()
    .execute(async (trx) => {
      const deleted = await trx
        .deleteFrom("workspace_memberships")
        .where("workspace_id", "=", workspace.id)
        .where("user_id", "=", userId)
        .where("status", "=", "removed")
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) return fail("They are not removed from this workspace");
      await workspacesAudit.record(trx, {
        actorUserId: current.user.id,
        action: "workspace.member_readmitted",
        subjectType: "user",
        subjectId: userId,
        details: { workspaceId: workspace.id },
      });
      return OK;
    });
}

export const MEMBERS_PAGE_SIZE = 50;

/** The workspace's members by name (active network members only), a page at a time. */
export async function listMembers(workspaceId: number, page: number) {
  const query = db()
    .selectFrom("workspace_memberships")
    .innerJoin("users", "users.id", "workspace_memberships.user_id")
    .where("workspace_memberships.workspace_id", "=", workspaceId)
    .where("workspace_memberships.status", "=", "member")
    .where("users.status", "=", "active");
  return paginate(query, { page, pageSize: MEMBERS_PAGE_SIZE }, (q) =>
    q
      .select(["users.id", "users.full_name", "users.organisation", "users.job_role", "workspace_memberships.joined_at"])
      .orderBy("users.full_name")
      .orderBy("users.id"),
  );
}

/** Requests waiting for the leads, oldest first, and members the leads removed. */
export async function pendingRequests(workspaceId: number) {
  return db()
    .selectFrom("workspace_memberships")
    .innerJoin("users", "users.id", "workspace_memberships.user_id")
    .select(["users.id", "users.full_name", "users.organisation", "workspace_memberships.request_message", "workspace_memberships.requested_at"])
    .where("workspace_memberships.workspace_id", "=", workspaceId)
    .where("workspace_memberships.status", "=", "requested")
    .where("users.status", "=", "active")
    .orderBy("workspace_memberships.requested_at")
    .limit(100)
    .execute();
}

export async function removedMembers(workspaceId: number) {
  return db()
    .selectFrom("workspace_memberships")
    .innerJoin("users", "users.id", "workspace_memberships.user_id")
    .select(["users.id", "users.full_name", "workspace_memberships.removed_reason", "workspace_memberships.removed_at"])
    .where("workspace_memberships.workspace_id", "=", workspaceId)
    .where("workspace_memberships.status", "=", "removed")
    .where("users.status", "=", "active")
    .orderBy("workspace_memberships.removed_at", "desc")
    .limit(100)
    .execute();
}

/** The member's removal reason, shown on the workspace page to the member removed. */
export async function removalOf(workspaceId: number, userId: number) {
  return db()
    .selectFrom("workspace_memberships")
    .select(["removed_reason", "removed_at"])
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("status", "=", "removed")
    .executeTakeFirst();
}
