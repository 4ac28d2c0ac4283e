import { readDetails } from "~/audit/define";
import { defineAuditActions } from "~/audit/record.server";
import { fileSizeInWords } from "~/files/sizes";
import { REPORT_REASON_LABELS } from "./options";

const workspaceDetails = readDetails({
  workspaceId: "Workspace id",
  threadId: "Thread id",
  postId: "Post id",
  reportId: "Report id",
  reportReason: { label: "Report reason", format: (value) => REPORT_REASON_LABELS[String(value)] ?? String(value) },
  reason: "Reason",
  flags: "What the guard found",
  changed: "Changed",
  // A resource that is a file (links have no file).
  file: "File",
  bytes: { label: "Size", format: (value) => fileSizeInWords(Number(value)) },
});

/**
 * What workspace leads and admins do in workspaces, and what members confirm to the patient-data
 * guard. Leads themselves are appointed and removed as role grants (the auth catalogue's
 * role.granted and role.revoked, with the workspace's slug as the scope).
 */
export const workspacesAudit = defineAuditActions({
  actions: {
    "workspace.created": { label: "Created a workspace", details: workspaceDetails },
    "workspace.updated": { label: "Changed a workspace", details: workspaceDetails },
    "workspace.request_approved": { label: "Approved a request to join a workspace", details: workspaceDetails },
    "workspace.request_declined": { label: "Declined a request to join a workspace", details: workspaceDetails },
    "workspace.member_removed": { label: "Removed a member from a workspace", details: workspaceDetails },
    "workspace.member_readmitted": { label: "Allowed a removed member to rejoin a workspace", details: workspaceDetails },
    "workspace.post_hidden": { label: "Hid a workspace post", details: workspaceDetails },
    "workspace.post_restored": { label: "Restored a hidden workspace post", details: workspaceDetails },
    "workspace.report_dismissed": { label: "Dismissed a report about a workspace post", details: workspaceDetails },
    "workspace.thread_locked": { label: "Locked a workspace thread", details: workspaceDetails },
    "workspace.thread_unlocked": { label: "Unlocked a workspace thread", details: workspaceDetails },
    "workspace.thread_pinned": { label: "Pinned a workspace thread", details: workspaceDetails },
    "workspace.thread_unpinned": { label: "Unpinned a workspace thread", details: workspaceDetails },
    "workspace.resource_added": { label: "Added a workspace resource", details: workspaceDetails },
    "workspace.resource_removed": { label: "Removed a workspace resource", details: workspaceDetails },
    "workspace.post_guard_confirmed": { label: "Confirmed a post held by the patient-data guard is not patient data", details: workspaceDetails },
  },
  subjects: {
    workspace: { describe: (id) => `Workspace ${id}`, href: (id) => `/admin/workspaces/${id}` },
    workspace_thread: { describe: (id) => `Workspace thread ${id}`, href: (id) => `/admin/workspaces/threads/${id}` },
    workspace_post: { describe: (id) => `Workspace post ${id}`, href: (id) => `/admin/workspaces/posts/${id}` },
    workspace_resource: { describe: (id) => `Workspace resource ${id}` },
    workspace_resource_file: { describe: (id) => `Workspace resource file ${id}` },
  },
});
