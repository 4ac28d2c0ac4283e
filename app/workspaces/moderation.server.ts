import type { Kysely } from "kysely";
import type { DB, WorkspacePost } from "#db/schema";
import { workspacePostHiddenEmail } from "#emails/workspace-post-hidden";
import { rateLimitMessage, takeRateLimit } from "~/auth/rate-limits.server";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { paginate } from "~/lib/paging.server";
import { enqueueEmail } from "~/mail/outbox.server";
import type { WorkspaceViewer } from "./access.server";
import { workspacesAudit } from "./audit-actions.server";
import { postLocation, recountReplies } from "./discussions.server";
import { renderMarkdown } from "./markdown.server";
import type { ReportReason } from "./options";

/** Reports from members, and what the workspace's leads (and admins) do about them. */

export type ModerationOutcome = { ok: true } | { ok: false; error: string };

const REPORT_LIMIT = { limit: 30, windowMs: 24 * 60 * 60_000 };

/** Any member of the workspace reports someone else's post; once per post while their report is open. */
export async function reportPost(viewer: WorkspaceViewer, post: WorkspacePost, input: { reason: ReportReason; details?: string }): Promise<ModerationOutcome> {
  if (!viewer.canPost) return { ok: false, error: "Join the workspace to report a post" };
  if (post.author_id === viewer.current.user.id) return { ok: false, error: "You cannot report your own post. You can change or delete it" };
  if (post.deleted_at || post.hidden_at) return { ok: false, error: "This post has already been taken down" };
  const open = await db()
    .selectFrom("workspace_reports")
    .select("id")
    .where("post_id", "=", post.id)
    .where("reporter_id", "=", viewer.current.user.id)
    .where("status", "=", "open")
    .executeTakeFirst();
  if (open) return { ok: false, error: "You have already reported this post. The workspace's leads will look at it" };
  const limit = await takeRateLimit([{ bucket: `workspace-report:user:${viewer.current.user.id}`, ...REPORT_LIMIT }]);
  if (!limit.allowed) return { ok: false, error: rateLimitMessage(limit.retryAfterMs, "You have reported a lot of posts today.") };
  await db()
    .insertInto("workspace_reports")
    .values({
      post_id: post.id,
      workspace_id: viewer.workspace.id,
      reporter_id: viewer.current.user.id,
      reason: input.reason,
      details: input.details?.trim() || null,
      status: "open",
      created_at: nowIso(),
    })
    .execute();
  return { ok: true };
}

export const QUEUE_PAGE_SIZE = 20;

/** Open reports in the workspace, oldest first, with the post, its author and its thread. */
export async function reportQueue(workspaceId: number, page: number) {
  const query = db().selectFrom("workspace_reports").where("workspace_reports.workspace_id", "=", workspaceId).where("workspace_reports.status", "=", "open");
  const { rows, ...paging } = await paginate(query, { page, pageSize: QUEUE_PAGE_SIZE }, (q) =>
    q
      .innerJoin("workspace_posts as post", "post.id", "workspace_reports.post_id")
      .innerJoin("workspace_threads as thread", "thread.id", "post.thread_id")
      .innerJoin("users as author", "author.id", "post.author_id")
      .leftJoin("users as reporter", "reporter.id", "workspace_reports.reporter_id")
      .select([
        "workspace_reports.id",
        "workspace_reports.reason",
        "workspace_reports.details",
        "workspace_reports.created_at",
        "post.id as post_id",
        "post.body",
        "post.created_at as posted_at",
        "post.hidden_at",
        "post.deleted_at",
        "post.edited_at",
        "post.author_id",
        "author.full_name as author_name",
        "thread.id as thread_id",
        "thread.title as thread_title",
        "thread.locked",
        "reporter.full_name as reporter_name",
      ])
      .orderBy("workspace_reports.created_at")
      .orderBy("workspace_reports.id"),
  );
  return { ...paging, reports: rows.map(({ body, ...report }) => ({ ...report, html: report.deleted_at ? null : renderMarkdown(body) })) };
}

/** Posts the leads have hidden, newest first, so they can restore one. */
export async function hiddenPosts(workspaceId: number) {
  return db()
    .selectFrom("workspace_posts")
    .innerJoin("users", "users.id", "workspace_posts.author_id")
    .innerJoin("workspace_threads", "workspace_threads.id", "workspace_posts.thread_id")
    .select([
      "workspace_posts.id",
      "workspace_posts.hidden_at",
      "workspace_posts.hidden_reason",
      "users.full_name as author_name",
      "workspace_threads.id as thread_id",
      "workspace_threads.title as thread_title",
    ])
    .where("workspace_posts.workspace_id", "=", workspaceId)
    .where("workspace_posts.hidden_at", "is not", null)
    .where("workspace_posts.deleted_at", "is", null)
    .orderBy("workspace_posts.hidden_at", "desc")
    .limit(50)
    .execute();
}

export async function requireOpenReport(workspaceId: number, reportId: number) {
  const report = await db().selectFrom("workspace_reports").selectAll().where("id", "=", reportId).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!report) throw new Response(null, { status: 404 });
  return report;
}

/**
 * The report a lead came from to hide a post or remove its author (`?report=<id>` on those pages): it
 * suggests the reason and is named in the audit entry, so it counts only if it is this workspace's and
 * about that post, or about a post by that member. Any other id is ignored.
 */
export async function reportFromLink(
  request: Request,
  workspaceId: number,
  about: { postId: number } | { authorId: number },
): Promise<{ id: number; reason: ReportReason } | undefined> {
  const value = new URL(request.url).searchParams.get("report");
  if (!value || !/^\d{1,12}$/.test(value)) return undefined;
  let query = db()
    .selectFrom("workspace_reports")
    .innerJoin("workspace_posts", "workspace_posts.id", "workspace_reports.post_id")
    .select(["workspace_reports.id", "workspace_reports.reason"])
    .where("workspace_reports.id", "=", Number(value))
    .where("workspace_reports.workspace_id", "=", workspaceId);
  query = "postId" in about ? query.where("workspace_posts.id", "=", about.postId) : query.where("workspace_posts.author_id", "=", about.authorId);
  return query.executeTakeFirst();
}

export async function dismissReport(viewer: WorkspaceViewer, reportId: number): Promise<ModerationOutcome> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const updated = await trx
        .updateTable("workspace_reports")
        .set({ status: "dismissed", resolved_at: nowIso(), resolved_by: viewer.current.user.id, resolution: "dismissed" })
        .where("id", "=", reportId)
        .where("workspace_id", "=", viewer.workspace.id)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return { ok: false, error: "That report has already been dealt with" } as const;
      const report = await trx.selectFrom("workspace_reports").select(["post_id", "reason"]).where("id", "=", reportId).executeTakeFirstOrThrow();
      await workspacesAudit.record(trx, {
        actorUserId: viewer.current.user.id,
        action: "workspace.report_dismissed",
        subjectType: "workspace_post",
        subjectId: report.post_id,
        details: { workspaceId: viewer.workspace.id, reportId, reportReason: report.reason },
      });
      return { ok: true } as const;
    });
}

async function syncThreadListing(trx: Kysely<DB>, post: WorkspacePost, at: string | null) {
  if (!post.is_opening) return;
  await trx.updateTable("workspace_threads").set({ removed_at: at }).where("id", "=", post.thread_id).execute();
}

/**
 * Hides a post from everyone but its author (who sees why) and the leads, settles the open reports
 * about it, and emails the author the reason. Hiding a thread's opening post takes the thread out of the list.
 */
export async function hidePost(viewer: WorkspaceViewer, post: WorkspacePost, reason: string, options: { reportId?: number } = {}): Promise<ModerationOutcome> {
  if (post.deleted_at) return { ok: false, error: "Its author has already deleted this post" };
  if (post.hidden_at) return { ok: false, error: "This post is already hidden" };
  return db()
    .transaction()
    .execute(async (trx) => {
      const at = nowIso();
      await trx.updateTable("workspace_posts").set({ hidden_at: at, hidden_by: viewer.current.user.id, hidden_reason: reason }).where("id", "=", post.id).execute();
      await syncThreadListing(trx, post, at);
      await recountReplies(trx, post.thread_id);
      await trx
        .updateTable("workspace_reports")
        .set({ status: "actioned", resolved_at: at, resolved_by: viewer.current.user.id, resolution: "hidden" })
        .where("post_id", "=", post.id)
        .where("status", "=", "open")
        .execute();
      await workspacesAudit.record(trx, {
        actorUserId: viewer.current.user.id,
        action: "workspace.post_hidden",
        subjectType: "workspace_post",
        subjectId: post.id,
        details: { workspaceId: viewer.workspace.id, threadId: post.thread_id, reason, ...(options.reportId ? { reportId: options.reportId } : {}) },
      });
      const author = await trx.selectFrom("users").select(["email", "full_name", "status"]).where("id", "=", post.author_id).executeTakeFirstOrThrow();
      const location = await postLocation(post.id, trx);
      if (author.status === "active" && location) {
        await enqueueEmail(trx, {
          to: author.email,
          template: workspacePostHiddenEmail,
          props: { fullName: author.full_name, workspaceName: viewer.workspace.name, reason, postPath: location.path },
        });
      }
      return { ok: true } as const;
    });
}

export async function restorePost(viewer: WorkspaceViewer, post: WorkspacePost): Promise<ModerationOutcome> {
  if (!post.hidden_at) return { ok: false, error: "This post is not hidden" };
  return db()
    .transaction()
    .execute(async (trx) => {
      await trx.updateTable("workspace_posts").set({ hidden_at: null, hidden_by: null, hidden_reason: null }).where("id", "=", post.id).execute();
      if (!post.deleted_at) await syncThreadListing(trx, post, null);
      await recountReplies(trx, post.thread_id);
      await workspacesAudit.record(trx, {
        actorUserId: viewer.current.user.id,
        action: "workspace.post_restored",
        subjectType: "workspace_post",
        subjectId: post.id,
        details: { workspaceId: viewer.workspace.id, threadId: post.thread_id },
      });
      return { ok: true } as const;
    });
}
