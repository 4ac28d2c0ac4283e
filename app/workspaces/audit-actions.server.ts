import { readDetails } from "~/audit/define";
import { defineAuditActions } from "~/audit/record.server";
import { fileSizeInWords } from "~/files/sizes";
import { REPORT_REASON_LABELS } from "./options";

/** The workspace's settings as its form names them; "workspace.updated" entries record the columns changed. */
const SETTING_LABELS: Record<string, string> = {
  name: "Name",
  description: "Description",
  kind: "Kind",
  visibility: "Who can read it",
  parent_id: "Area within another workspace",
  rules: "Rules",
};

const fields = {
  threadId: "Thread id",
  postId: "Post id",
  reportId: "Report id",
  reportReason: { label: "Report reason", format: (value: unknown) => REPORT_REASON_LABELS[String(value)] ?? String(value) },
  reason: "Reason",
  flags: "What the guard found",
  changed: {
    label: "Changed",
    format: (value: unknown) => [value].flat().map((column) => SETTING_LABELS[String(column)] ?? String(column)).join(", "),
  },
  // A resource that is a file (links have no file).
  file: "File",
  bytes: { label: "Size", format: (value: unknown) => fileSizeInWords(Number(value)) },
};

const workspaceDetails = readDetails({ workspaceId: "Workspace id", ...fields });

// An entry about the workspace itself already names it as the subject ("Workspace 7").
const ownDetails = readDetails(fields);

/**
 * What workspace leads and admins do in workspaces, and what members confirm to the patient-data
 * guard. Leads themselves are appointed and removed as role grants (the auth catalogue's
 * role.granted and role.revoked, with the workspace's slug as the scope).
 */
export const workspacesAudit = defineAuditActions({
  actions: {
    "workspace.created": { label: "Created a workspace", details: ownDetails },
    "workspace.updated": { label: "Changed a workspace", details: ownDetails },
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
