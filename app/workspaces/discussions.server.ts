import { sql, type Kysely } from "kysely";
import type { DB, WorkspacePost } from "#db/schema";
import { now, nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { paginate } from "~/lib/paging.server";
import { recordOnce, type Once } from "~/lib/once.server";
import { type WorkspaceViewer, notFound } from "./access.server";
import { workspacesAudit } from "./audit-actions.server";
import { renderMarkdown } from "./markdown.server";
import { DELETED_OPENING_TITLE } from "./options";
import { checkForPatientData, type GuardFlag } from "./patient-data-guard";

/** Threads and posts: starting, replying, editing and deleting, pinning and locking, and reading them a page at a time. */

export const THREADS_PAGE_SIZE = 25;
export const POSTS_PAGE_SIZE = 25;

/**
 * What happened to a post someone wrote: published, held by the patient-data guard (nothing is
 * saved until the author edits it out or confirms), or refused with a message.
 */
export type WriteOutcome = { ok: true; threadId: number; postId: number } | { ok: false; held: GuardFlag[] } | { ok: false; error: string };

export interface PostInput {
  body: string;
  /** The author ticked "this is not patient data" after the guard held the post. */
  confirmNotPatientData: boolean;
}

/**
 * The guard's verdict on what the author wrote: hold it, or publish it (remembering what the author
 * confirmed). A confirmation only counts for what the guard would flag now.
 */
function guard(text: string, confirmed: boolean): { held: GuardFlag[] } | { confirmedFlags: GuardFlag[] } {
  const flags = checkForPatientData(text, now());
  if (flags.length > 0 && !confirmed) return { held: flags };
  return { confirmedFlags: flags };
}

async function recordGuardConfirmation(trx: Kysely<DB>, viewer: WorkspaceViewer, postId: number, threadId: number, flags: GuardFlag[]) {
  if (flags.length === 0) return;
  await workspacesAudit.record(trx, {
    actorUserId: viewer.current.user.id,
    action: "workspace.post_guard_confirmed",
    subjectType: "workspace_post",
    subjectId: postId,
    details: { workspaceId: viewer.workspace.id, threadId, flags },
  });
}

/** Keeps the thread's count of replies others can see, after a reply is added, hidden, restored or deleted. */
export async function recountReplies(trx: Kysely<DB>, threadId: number) {
  await trx
    .updateTable("workspace_threads")
    .set({
      reply_count: (eb) =>
        eb
          .selectFrom("workspace_posts")
          .select(sql<number>`count(*)`.as("n"))
          .where("thread_id", "=", threadId)
          .where("is_opening", "=", 0)
          .where("deleted_at", "is", null)
          .where("hidden_at", "is", null),
    })
    .where("id", "=", threadId)
    .execute();
}

export async function startThread(viewer: WorkspaceViewer, input: PostInput & { title: string }, once?: Once): Promise<WriteOutcome> {
  const verdict = guard(`${input.title}\n${input.body}`, input.confirmNotPatientData);
  if ("held" in verdict) return { ok: false, held: verdict.held };
  const at = nowIso();
  return db()
    .transaction()
    .execute(async (trx) => {
      const thread = await trx
        .insertInto("workspace_threads")
        .values({ workspace_id: viewer.workspace.id, author_id: viewer.current.user.id, title: input.title, pinned: 0, locked: 0, reply_count: 0, created_at: at, last_post_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      const post = await insertPost(trx, viewer, thread.id, input.body, { opening: true, at, flags: verdict.confirmedFlags });
      await recordGuardConfirmation(trx, viewer, post.id, thread.id, verdict.confirmedFlags);
      await recordOnce(trx, once, thread.id);
      return { ok: true, threadId: thread.id, postId: post.id };
    });
}

async function insertPost(trx: Kysely<DB>, viewer: WorkspaceViewer, threadId: number, body: string, options: { opening: boolean; at: string; flags: GuardFlag[] }) {
  return trx
    .insertInto("workspace_posts")
    .values({
      thread_id: threadId,
      workspace_id: viewer.workspace.id,
      author_id: viewer.current.user.id,
      is_opening: options.opening ? 1 : 0,
      body,
      created_at: options.at,
      guard_flags: options.flags.length ? JSON.stringify(options.flags) : null,
      guard_confirmed_at: options.flags.length ? options.at : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export interface ThreadRow {
  id: number;
  workspace_id: number;
  author_id: number;
  title: string;
  pinned: 0 | 1;
  locked: 0 | 1;
  reply_count: number;
  created_at: string;
  last_post_at: string;
  removed_at: string | null;
}

/**
 * The thread, if it is in this workspace and the viewer may see it. A thread out of the list (its
 * opening post hidden or deleted) is still there for its author and the leads.
 */
export async function requireThread(viewer: WorkspaceViewer, threadId: number): Promise<ThreadRow> {
  const thread = await db().selectFrom("workspace_threads").selectAll().where("id", "=", threadId).where("workspace_id", "=", viewer.workspace.id).executeTakeFirst();
  if (!thread) throw notFound();
  if (thread.removed_at !== null && !viewer.isLead && thread.author_id !== viewer.current.user.id) throw notFound();
  return thread;
}

export async function reply(viewer: WorkspaceViewer, thread: ThreadRow, input: PostInput, once?: Once): Promise<WriteOutcome> {
  if (thread.locked && !viewer.isLead) return { ok: false, error: "This thread is locked: no one can reply to it" };
  const verdict = guard(input.body, input.confirmNotPatientData);
  if ("held" in verdict) return { ok: false, held: verdict.held };
  const at = nowIso();
  return db()
    .transaction()
    .execute(async (trx) => {
      const post = await insertPost(trx, viewer, thread.id, input.body, { opening: false, at, flags: verdict.confirmedFlags });
      await trx.updateTable("workspace_threads").set({ last_post_at: at }).where("id", "=", thread.id).execute();
      await recountReplies(trx, thread.id);
      await recordGuardConfirmation(trx, viewer, post.id, thread.id, verdict.confirmedFlags);
      await recordOnce(trx, once, post.id);
      return { ok: true, threadId: thread.id, postId: post.id };
    });
}

/** The post, if it is in this workspace and the viewer may see its thread. */
export async function requirePost(viewer: WorkspaceViewer, postId: number): Promise<{ post: WorkspacePost; thread: ThreadRow }> {
  const post = await db().selectFrom("workspace_posts").selectAll().where("id", "=", postId).where("workspace_id", "=", viewer.workspace.id).executeTakeFirst();
  if (!post) throw notFound();
  const thread = await requireThread(viewer, post.thread_id);
  return { post, thread };
}

/** Only the author edits or deletes a post, and not once it is deleted. */
export function mayChange(viewer: WorkspaceViewer, post: WorkspacePost): boolean {
  return post.author_id === viewer.current.user.id && post.deleted_at === null && viewer.canPost;
}

/** The author changes their words (and the title, for an opening post); the words before are kept for the leads. */
export async function editPost(viewer: WorkspaceViewer, post: WorkspacePost, thread: ThreadRow, input: PostInput & { title?: string }): Promise<WriteOutcome> {
  if (!mayChange(viewer, post)) return { ok: false, error: "You can only change your own posts" };
  const title = post.is_opening && input.title !== undefined ? input.title : undefined;
  const verdict = guard(`${title ?? ""}\n${input.body}`, input.confirmNotPatientData);
  if ("held" in verdict) return { ok: false, held: verdict.held };
  const at = nowIso();
  return db()
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto("workspace_post_revisions")
        .values({ post_id: post.id, editor_id: viewer.current.user.id, title: post.is_opening ? thread.title : null, body: post.body, replaced_at: at })
        .execute();
      const flags = verdict.confirmedFlags;
      await trx
        .updateTable("workspace_posts")
        .set({
          body: input.body,
          edited_at: at,
          ...(flags.length ? { guard_flags: JSON.stringify(flags), guard_confirmed_at: at } : {}),
        })
        .where("id", "=", post.id)
        .execute();
      if (title !== undefined) await trx.updateTable("workspace_threads").set({ title }).where("id", "=", thread.id).execute();
      await recordGuardConfirmation(trx, viewer, post.id, thread.id, flags);
      return { ok: true, threadId: thread.id, postId: post.id };
    });
}

/**
 * The author deletes their post: its words and their earlier versions go; the post stays as
 * "deleted" so replies keep their place. An opening post takes the thread's title with it, and one
 * nobody answered takes its thread out of the list.
 */
export async function deletePost(viewer: WorkspaceViewer, post: WorkspacePost): Promise<{ ok: true; threadRemoved: boolean } | { ok: false; error: string }> {
  if (!mayChange(viewer, post)) return { ok: false, error: "You can only delete your own posts" };
  const at = nowIso();
  return db()
    .transaction()
    .execute(async (trx) => {
      await trx.updateTable("workspace_posts").set({ body: "", deleted_at: at }).where("id", "=", post.id).execute();
      await trx.deleteFrom("workspace_post_revisions").where("post_id", "=", post.id).execute();
      await recountReplies(trx, post.thread_id);
      let threadRemoved = false;
      if (post.is_opening) {
        const replies = await trx.selectFrom("workspace_posts").select("id").where("thread_id", "=", post.thread_id).where("is_opening", "=", 0).where("deleted_at", "is", null).limit(1).execute();
        threadRemoved = replies.length === 0;
        await trx
          .updateTable("workspace_threads")
          .set({ title: DELETED_OPENING_TITLE, ...(threadRemoved ? { removed_at: at } : {}) })
          .where("id", "=", post.thread_id)
          .execute();
      }
      return { ok: true, threadRemoved };
    });
}

type ThreadFlag = "pinned" | "locked";

const FLAG_ACTIONS = {
  pinned: { on: "workspace.thread_pinned", off: "workspace.thread_unpinned" },
  locked: { on: "workspace.thread_locked", off: "workspace.thread_unlocked" },
} as const;

/** Leads pin a thread to the top of the list, or lock it against replies. */
export async function setThreadFlag(viewer: WorkspaceViewer, thread: ThreadRow, flag: ThreadFlag, on: boolean, options: { reportId?: number } = {}): Promise<void> {
  if (!viewer.isLead) throw new Response("Forbidden", { status: 403 });
  if (Boolean(thread[flag]) === on) return;
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable("workspace_threads")
        .set({ [flag]: on ? 1 : 0 })
        .where("id", "=", thread.id)
        .execute();
      await workspacesAudit.record(trx, {
        actorUserId: viewer.current.user.id,
        action: FLAG_ACTIONS[flag][on ? "on" : "off"],
        subjectType: "workspace_thread",
        subjectId: thread.id,
        details: { workspaceId: viewer.workspace.id, ...(options.reportId ? { reportId: options.reportId } : {}) },
      });
    });
}

/**
 * One page of the workspace's threads: pinned first, then the most recently active. The page is
 * chosen from the list index alone; authors' names are looked up for that page's threads only, so a
 * late page of a big workspace costs no more joins than the first.
 */
export async function listThreads(workspaceId: number, page: number) {
  const query = db().selectFrom("workspace_threads").where("workspace_threads.workspace_id", "=", workspaceId).where("workspace_threads.removed_at", "is", null);
  const result = await paginate(query, { page, pageSize: THREADS_PAGE_SIZE }, (q) =>
    q
      .select(["id", "title", "pinned", "locked", "reply_count", "created_at", "last_post_at", "author_id"])
      .orderBy("workspace_threads.pinned", "desc")
      .orderBy("workspace_threads.last_post_at", "desc")
      .orderBy("workspace_threads.id", "desc"),
  );
  const authorIds = [...new Set(result.rows.map((thread) => thread.author_id))];
  const authors = authorIds.length ? await db().selectFrom("users").select(["id", "full_name"]).where("id", "in", authorIds).execute() : [];
  const nameOf = new Map(authors.map((author) => [author.id, author.full_name]));
  return { ...result, rows: result.rows.map(({ author_id, ...thread }) => ({ ...thread, author_name: nameOf.get(author_id) ?? "" })) };
}

export interface PostView {
  id: number;
  authorName: string;
  isOwn: boolean;
  createdAt: string;
  editedAt: string | null;
  state: "visible" | "hidden" | "deleted";
  /** Sanitised HTML of the words, when the viewer may read them (hidden posts: their author and the leads). */
  html: string | null;
  /** Why it was hidden: for its author and the leads. */
  hiddenReason: string | null;
  /** The author confirmed the guard's question (shown to leads). */
  guardConfirmed: boolean;
  canChange: boolean;
  canReport: boolean;
  /** Leads see that a post was edited and can open its history. */
  hasHistory: boolean;
}

/** One page of a thread's posts, oldest first, rendered for this viewer. */
export async function listPosts(viewer: WorkspaceViewer, thread: ThreadRow, page: number) {
  const query = db().selectFrom("workspace_posts").where("workspace_posts.thread_id", "=", thread.id);
  const { rows, ...paging } = await paginate(query, { page, pageSize: POSTS_PAGE_SIZE }, (q) =>
    q
      .innerJoin("users", "users.id", "workspace_posts.author_id")
      .selectAll("workspace_posts")
      .select("users.full_name as author_name")
      .orderBy("workspace_posts.id"),
  );
  const me = viewer.current.user.id;
  const posts: PostView[] = rows.map((post) => {
    const isOwn = post.author_id === me;
    const state = post.deleted_at ? "deleted" : post.hidden_at ? "hidden" : "visible";
    const mayRead = state === "visible" || (state === "hidden" && (isOwn || viewer.isLead));
    return {
      id: post.id,
      authorName: post.author_name,
      isOwn,
      createdAt: post.created_at,
      editedAt: post.edited_at,
      state,
      html: mayRead ? renderMarkdown(post.body) : null,
      hiddenReason: state === "hidden" && (isOwn || viewer.isLead) ? post.hidden_reason : null,
      guardConfirmed: viewer.isLead && post.guard_confirmed_at !== null,
      canChange: mayChange(viewer, post),
      canReport: viewer.canPost && !isOwn && state === "visible",
      hasHistory: viewer.isLead && post.edited_at !== null,
    };
  });
  // Only the views go to the page: the rows hold what some readers may not see (a hidden post's text and reason).
  return { ...paging, posts };
}

/** Where a post is: its thread and the page of the thread it is on. */
export async function postLocation(postId: number, executor: Kysely<DB> = db()) {
  const post = await executor.selectFrom("workspace_posts").select(["id", "thread_id", "workspace_id"]).where("id", "=", postId).executeTakeFirst();
  if (!post) return undefined;
  const { before } = await executor
    .selectFrom("workspace_posts")
    .select(sql<number>`count(*)`.as("before"))
    .where("thread_id", "=", post.thread_id)
    .where("id", "<", post.id)
    .executeTakeFirstOrThrow();
  const workspace = await executor.selectFrom("workspaces").select("slug").where("id", "=", post.workspace_id).executeTakeFirstOrThrow();
  const page = Math.floor(Number(before) / POSTS_PAGE_SIZE) + 1;
  return { slug: workspace.slug, threadId: post.thread_id, page, path: `/workspaces/${workspace.slug}/threads/${post.thread_id}${page > 1 ? `?page=${page}` : ""}#post-${post.id}` };
}

/** A post's earlier versions, newest first, for the leads. */
export async function postHistory(postId: number) {
  return db()
    .selectFrom("workspace_post_revisions")
    .leftJoin("users", "users.id", "workspace_post_revisions.editor_id")
    .select(["workspace_post_revisions.id", "workspace_post_revisions.title", "workspace_post_revisions.body", "workspace_post_revisions.replaced_at", "users.full_name as editor_name"])
    .where("workspace_post_revisions.post_id", "=", postId)
    .orderBy("workspace_post_revisions.id", "desc")
    .limit(200)
    .execute();
}
