import type { Migration } from "kysely";
import * as foundation from "./0001_foundation";
import * as membership from "./0002_membership";
import * as outboxBulk from "./0003_outbox_bulk";
import * as webinars from "./0004_webinars";
import * as bulletin from "./0005_bulletin";
import * as workspaces from "./0006_workspaces";
import * as listIndexes from "./0009_list_indexes";
import * as recordings from "./0007_recordings";
import * as roleScopeIndex from "./0010_role_scope_index";
import * as workspaceResourceFiles from "./0011_workspace_resource_files";
import * as outboxAttachments from "./0012_outbox_attachments";
import * as eventEmailUnsubscribeTokens from "./0013_event_email_unsubscribe_tokens";
import * as bulletinChangeLink from "./0014_bulletin_change_link";
import * as formSubmissions from "./0015_form_submissions";
import * as outboxMember from "./0016_outbox_member";

/**
 * Append-only: add new migrations at the end, never edit or reorder applied ones.
 * Listed statically so the same list works from the server bundle, the CLI and tests.
 */
export const migrations: Record<string, Migration> = {
  "0001_foundation": foundation,
  "0002_membership": membership,
  "0003_outbox_bulk": outboxBulk,
  "0004_webinars": webinars,
  "0005_bulletin": bulletin,
  "0006_workspaces": workspaces,
  "0009_list_indexes": listIndexes,
  "0007_recordings": recordings,
  "0010_role_scope_index": roleScopeIndex,
  "0011_workspace_resource_files": workspaceResourceFiles,
  "0012_outbox_attachments": outboxAttachments,
  "0013_event_email_unsubscribe_tokens": eventEmailUnsubscribeTokens,
  "0014_bulletin_change_link": bulletinChangeLink,
  "0015_form_submissions": formSubmissions,
  "0016_outbox_member": outboxMember,
};
