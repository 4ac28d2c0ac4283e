import type { PersonalDataStep } from "~/privacy/define";

/**
 * What workspaces keep about a member. The download holds only the member's own words and choices:
 * never other members' posts, and never a private workspace's thread titles except for threads
 * they started themselves.
 */
export const workspacesPersonalData: PersonalDataStep[] = [
  {
    name: "workspace memberships",
    tables: ["workspace_memberships"],
    async export(executor, member) {
      const rows = await executor
        .selectFrom("workspace_memberships as m")
        .innerJoin("workspaces as w", "w.id", "m.workspace_id")
        .select(["w.name", "m.status", "m.request_message", "m.requested_at", "m.joined_at", "m.removed_at", "m.removed_reason"])
        .where("m.user_id", "=", member.id)
        .orderBy("w.position")
        .execute();
      return {
        workspaces: rows.map((row) => ({
          workspace: row.name,
          status: row.status,
          requestMessage: row.request_message,
          requestedAt: row.requested_at,
          joinedAt: row.joined_at,
          removedAt: row.removed_at,
          removedReason: row.removed_reason,
        })),
      };
    },
    onLeave: "take you out of every workspace and withdraw any request to join one",
    leave: "erase",
    async run(trx, member) {
      await trx.deleteFrom("workspace_memberships").where("user_id", "=", member.id).execute();
    },
  },
  {
    name: "workspace posts",
    tables: ["workspace_threads", "workspace_posts", "workspace_post_revisions"],
    async export(executor, member) {
      const threads = await executor
        .selectFrom("workspace_threads as t")
        .innerJoin("workspaces as w", "w.id", "t.workspace_id")
        .select(["t.id", "t.title", "t.created_at", "w.name as workspace"])
        .where("t.author_id", "=", member.id)
        .orderBy("t.id")
        .execute();
      const posts = await executor
        .selectFrom("workspace_posts as p")
        .innerJoin("workspaces as w", "w.id", "p.workspace_id")
        .select(["p.id", "p.thread_id", "p.body", "p.created_at", "p.edited_at", "p.deleted_at", "p.hidden_at", "p.hidden_reason", "p.guard_confirmed_at", "w.name as workspace"])
        .where("p.author_id", "=", member.id)
        .orderBy("p.id")
        .execute();
      const revisions = await executor
        .selectFrom("workspace_post_revisions as r")
        .innerJoin("workspace_posts as p", "p.id", "r.post_id")
        .select(["r.post_id", "r.title", "r.body", "r.replaced_at"])
        .where("p.author_id", "=", member.id)
        .orderBy("r.id")
        .execute();
      return {
        workspaceThreadsYouStarted: threads.map((thread) => ({ id: thread.id, workspace: thread.workspace, title: thread.title, startedAt: thread.created_at })),
        workspacePosts: posts.map((post) => ({
          id: post.id,
          workspace: post.workspace,
          threadId: post.thread_id,
          words: post.body,
          postedAt: post.created_at,
          editedAt: post.edited_at,
          deletedAt: post.deleted_at,
          hiddenAt: post.hidden_at,
          hiddenReason: post.hidden_reason,
          confirmedNotPatientDataAt: post.guard_confirmed_at,
        })),
        workspacePostEarlierVersions: revisions.map((revision) => ({ postId: revision.post_id, title: revision.title, words: revision.body, replacedAt: revision.replaced_at })),
      };
    },
    onLeave: "keep what you wrote in workspaces, shown as by a former member (delete any post you want gone before you leave)",
    leave: "keep",
    why: "Workspace discussions are a shared record: taking posts out would break the threads other members replied to. Leaving removes the author's name from them.",
  },
  {
    name: "workspace reports",
    tables: ["workspace_reports"],
    async export(executor, member) {
      const reports = await executor
        .selectFrom("workspace_reports")
        .select(["post_id", "reason", "details", "status", "created_at", "resolved_at"])
        .where("reporter_id", "=", member.id)
        .orderBy("id")
        .execute();
      return {
        workspaceReportsYouMade: reports.map((report) => ({
          postId: report.post_id,
          reason: report.reason,
          details: report.details,
          status: report.status,
          reportedAt: report.created_at,
          settledAt: report.resolved_at,
        })),
      };
    },
    onLeave: "keep the reports you made about workspace posts without your name on them",
    leave: "anonymise",
    async run(trx, member) {
      await trx.updateTable("workspace_reports").set({ reporter_id: null }).where("reporter_id", "=", member.id).execute();
    },
  },
  {
    name: "workspace resources",
    tables: ["workspace_resources", "workspace_resource_files"],
    async export(executor, member) {
      const links = await executor.selectFrom("workspace_resources").select(["title", "url", "created_at"]).where("added_by", "=", member.id).orderBy("id").execute();
      // The files' names, not their contents: the documents belong to the workspace.
      const files = await executor.selectFrom("workspace_resource_files").select(["title", "file_name", "created_at"]).where("added_by", "=", member.id).orderBy("id").execute();
      return {
        ...(links.length ? { workspaceResourcesYouAdded: links.map((r) => ({ title: r.title, url: r.url, addedAt: r.created_at })) } : {}),
        ...(files.length ? { workspaceResourceFilesYouAdded: files.map((r) => ({ title: r.title, file: r.file_name, addedAt: r.created_at })) } : {}),
      };
    },
    onLeave: "keep the workspace resources you added as a lead, shown as added by a former member",
    leave: "keep",
    why: "A workspace's resources list belongs to the workspace and its members, not to the lead who added an entry.",
  },
  {
    name: "workspace daily email",
    tables: ["workspace_digest_subscriptions", "workspace_digest_sends", "workspace_digest_tokens"],
    async export(executor, member) {
      const rows = await executor
        .selectFrom("workspace_digest_subscriptions as s")
        .innerJoin("workspaces as w", "w.id", "s.workspace_id")
        .select(["w.name", "s.created_at"])
        .where("s.user_id", "=", member.id)
        .orderBy("w.position")
        .execute();
      const sends = await executor.selectFrom("workspace_digest_sends").select(["day", "sent_at"]).where("user_id", "=", member.id).orderBy("day").execute();
      return {
        workspaceDailyEmails: rows.map((row) => ({ workspace: row.name, since: row.created_at })),
        workspaceDailyEmailsSent: sends.map((send) => ({ day: send.day, at: send.sent_at })),
      };
    },
    onLeave: "stop the daily workspace emails and cancel their unsubscribe links",
    leave: "erase",
    async run(trx, member) {
      await trx.deleteFrom("workspace_digest_tokens").where("user_id", "=", member.id).execute();
      await trx.deleteFrom("workspace_digest_sends").where("user_id", "=", member.id).execute();
      await trx.deleteFrom("workspace_digest_subscriptions").where("user_id", "=", member.id).execute();
    },
  },
];
