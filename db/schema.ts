import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Typed schema for every table. Timestamps are ISO-8601 UTC strings; booleans are 0/1 integers,
 * so the same queries run on SQLite today and PostgreSQL later.
 */
type Timestamp = string;
type Bool = 0 | 1;

export interface OutboxTable {
  id: Generated<number>;
  message_id: string;
  template: string;
  to_address: string;
  from_address: string;
  reply_to: string | null;
  subject: string;
  html: string;
  text: string;
  /** Extra headers (e.g. List-Unsubscribe) as a JSON object. */
  headers_json: string;
  status: "pending" | "sent" | "failed";
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  /** A worker holds a message until this time while it is being delivered. */
  locked_until: Timestamp | null;
  last_error: string | null;
  /** "smtp" or "capture": how it was delivered. */
  delivered_via: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** A bulk send's shared body; html and text are then empty and filled in from it with vars_json. */
  body_id: number | null;
  /** This recipient's values for the shared body's placeholders (JSON object). */
  vars_json: string | null;
  /** Not sent after this time (e.g. a code email whose code has expired). */
  expires_at: Timestamp | null;
  /** 1 for emails holding a live secret (sign-in codes): their bodies are removed once sent by SMTP. */
  sensitive: Generated<Bool>;
  /** Why a failed message failed: the server refused it for good, it expired, or retries ran out. */
  failure_kind: "permanent" | "expired" | "exhausted" | null;
  /** The SMTP response code of a permanent failure (5xx). */
  failure_code: number | null;
  failed_at: Timestamp | null;
  /**
   * Files attached to this email, as a JSON array of { filename, contentType, base64 }
   * (app/mail/attachments.server.ts); null when there are none (always for bulk sends).
   */
  attachments_json: string | null;
  /**
   * The member it belonged to once the address it went to is no longer theirs (changed, or left); null
   * while it belongs to whoever has that address (docs/decisions/0005-leaving.md).
   */
  user_id: number | null;
}

/** A bulk send's body, rendered once with per-recipient placeholders (app/mail/bulk.server.ts). */
export interface OutboxBodiesTable {
  id: Generated<number>;
  /** Names the send: queueing the same campaign again only adds recipients not yet queued. */
  campaign_key: string;
  template: string;
  /** May hold placeholders too; each row's subject is filled in when it is queued. */
  subject: string;
  html: string;
  text: string;
  created_at: Timestamp;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload_json: string;
  /** Optional key that makes scheduling idempotent (one pending/done job per key). */
  unique_key: string | null;
  state: "pending" | "done" | "failed";
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: number;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface UsersTable {
  id: Generated<number>;
  /** Normalised (trimmed, lower-cased); the member's one identity. */
  email: string;
  full_name: string;
  organisation: string;
  job_role: string;
  region: string;
  icb_pcn: string | null;
  /** JSON array of workspace slugs the member said interest them. */
  workspace_interests_json: string;
  bulletin_opt_in: Bool;
  events_opt_in: Bool;
  /**
   * unverified → (active | pending) ; pending → active | declined ; active → removed ;
   * any → left (the row stays as an anonymised tombstone, docs/decisions/0005-leaving.md).
   */
  status: "unverified" | "pending" | "active" | "declined" | "removed" | "left";
  status_reason: string | null;
  email_verified_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  /** "admin" now; "workspace_lead" arrives with workspaces, scoped by scope. */
  role: string;
  /** Null for network-wide roles; a workspace slug for scoped ones (slugs never change). */
  scope: string | null;
  granted_at: Timestamp;
  granted_by: number | null;
}

export interface SessionsTable {
  /** Public session id (first half of the cookie token). */
  id: string;
  /** SHA-256 of the secret half of the token, hex. */
  secret_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_verified_at: Timestamp;
  expires_at: Timestamp;
}

export interface EmailChallengesTable {
  id: Generated<number>;
  /** Random public id used in the emailed link (the link also carries the secret). */
  public_id: string;
  purpose: "verify-email" | "sign-in" | "change-email";
  email: string;
  user_id: number | null;
  /** SHA-256 of the link token, hex. */
  token_hash: string;
  /** SHA-256 of the 6-digit code, hex. */
  code_hash: string;
  /** JSON for purpose-specific data (e.g. the new address when changing email). */
  data_json: string;
  failed_attempts: Generated<number>;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface RateLimitHitsTable {
  id: Generated<number>;
  /** e.g. "email-request:address:someone@nhs.net" or "email-request:ip:203.0.113.1" (see ~/auth/rate-limits.server). */
  bucket: string;
  at: Timestamp;
}

export interface DomainOverridesTable {
  domain: string;
  policy: "allow" | "refuse";
  note: string | null;
  created_at: Timestamp;
  created_by: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_user_id: number | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details_json: string;
  at: Timestamp;
}

export interface WorkspacesTable {
  id: Generated<number>;
  /** Fixed once created: it is in every link to the workspace and names it in lead grants. */
  slug: string;
  name: string;
  description: string;
  kind: "regional" | "themed";
  /** open: any member reads and joins; private: name visible, the rest to its members only. */
  visibility: "open" | "private";
  /** A sub-area (e.g. a private area inside a themed workspace) names its workspace; it has its own membership. */
  parent_id: number | null;
  /** The workspace's own rules in Markdown, shown after the network's rules for every workspace. */
  rules: string;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkspaceMembershipsTable {
  id: Generated<number>;
  workspace_id: number;
  user_id: number;
  /** requested → member (approved) ; member → removed (by a lead, with a reason). Declined and left rows are deleted. */
  status: "member" | "requested" | "removed";
  request_message: string | null;
  removed_reason: string | null;
  requested_at: Timestamp | null;
  joined_at: Timestamp | null;
  removed_at: Timestamp | null;
  decided_by: number | null;
}

export interface WorkspaceThreadsTable {
  id: Generated<number>;
  workspace_id: number;
  author_id: number;
  title: string;
  pinned: Bool;
  locked: Bool;
  /** Replies others can see (not deleted or hidden); kept up to date when replies change. */
  reply_count: number;
  created_at: Timestamp;
  last_post_at: Timestamp;
  /** Set while the thread is out of the list: its opening post is hidden by a moderator, or deleted before anyone replied. */
  removed_at: Timestamp | null;
}

export interface WorkspacePostsTable {
  id: Generated<number>;
  thread_id: number;
  workspace_id: number;
  author_id: number;
  /** 1 for the post that opens a thread. */
  is_opening: Bool;
  /** Markdown as written; rendered and sanitised when shown. Emptied when the author deletes the post. */
  body: string;
  created_at: Timestamp;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
  hidden_at: Timestamp | null;
  hidden_by: number | null;
  hidden_reason: string | null;
  /** JSON array of what the patient-data guard flagged, when the author confirmed it was not patient data. */
  guard_flags: string | null;
  guard_confirmed_at: Timestamp | null;
}

export interface WorkspacePostRevisionsTable {
  id: Generated<number>;
  post_id: number;
  editor_id: number | null;
  /** The thread title before the edit (opening posts only). */
  title: string | null;
  /** The words before the edit. */
  body: string;
  replaced_at: Timestamp;
}

export interface WorkspaceReportsTable {
  id: Generated<number>;
  post_id: number;
  workspace_id: number;
  reporter_id: number | null;
  reason: "advertising" | "inappropriate" | "patient-data" | "other";
  details: string | null;
  status: "open" | "dismissed" | "actioned";
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by: number | null;
  /** What the moderator did: "dismissed", "hidden", "removed-member" … */
  resolution: string | null;
}

export interface WorkspaceResourcesTable {
  id: Generated<number>;
  workspace_id: number;
  title: string;
  url: string;
  description: string | null;
  added_by: number | null;
  created_at: Timestamp;
}

export interface WorkspaceResourceFilesTable {
  id: Generated<number>;
  workspace_id: number;
  title: string;
  description: string | null;
  file_name: string;
  format: "pdf" | "docx" | "pptx" | "xlsx" | "txt" | "png" | "jpeg";
  byte_size: number;
  storage_key: string;
  added_by: number | null;
  created_at: Timestamp;
}

export interface WorkspaceDigestSubscriptionsTable {
  id: Generated<number>;
  workspace_id: number;
  user_id: number;
  created_at: Timestamp;
  included_until: Timestamp;
}

export interface WorkspaceDigestSendsTable {
  user_id: number;
  /** The UK date the digest was for, yyyy-mm-dd. */
  day: string;
  sent_at: Timestamp;
}

export interface WorkspaceDigestTokensTable {
  id: Generated<number>;
  /** SHA-256 of the token in the email's unsubscribe links, hex. */
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface WebinarSeriesTable {
  id: Generated<number>;
  title: string;
  description: string;
  speakers: string;
  audience: string;
  /** UK date of the first occurrence, YYYY-MM-DD. */
  first_date: string;
  /** UK time of day, HH:MM; kept across clock changes. */
  local_start_time: string;
  duration_minutes: number;
  interval_days: Generated<number>;
  /** How many upcoming occurrences are kept listed. */
  occurrences_ahead: Generated<number>;
  capacity: number;
  meeting_url: string;
  registration_open: Generated<Bool>;
  /** JSON array of { id, label } registration questions (answers are optional). */
  questions_json: Generated<string>;
  /** No more occurrences are added after this. */
  stopped_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebinarsTable {
  id: Generated<number>;
  series_id: number | null;
  /** 0 for a series' first occurrence, 1 for the next … */
  series_index: number | null;
  title: string;
  description: string;
  speakers: string;
  audience: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  /** Teams or Zoom address: only ever given to approved registrants through the Join button. */
  meeting_url: string;
  registration_open: Generated<Bool>;
  questions_json: Generated<string>;
  /** SEQUENCE in calendar files, raised on each change a calendar should pick up. */
  sequence: Generated<number>;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type WebinarRegistrationStatus = "pending" | "approved" | "waitlisted" | "declined" | "cancelled";

export interface WebinarRegistrationsTable {
  id: Generated<number>;
  webinar_id: number;
  user_id: number;
  status: WebinarRegistrationStatus;
  /** JSON object: question id → answer. */
  answers_json: Generated<string>;
  registered_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: number | null;
  decline_reason: string | null;
  waitlisted_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  /** When the joining-link email was queued (in the same transaction), so it is never sent twice. */
  links_sent_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface WebinarLinkTokensTable {
  id: Generated<number>;
  registration_id: number;
  /** Keyed hash of the personal link's token (~/auth/tokens.server hashSecret). */
  token_hash: string;
  created_at: Timestamp;
}

export interface WebinarJoinsTable {
  id: Generated<number>;
  registration_id: number;
  /** Keyed hash of the browser's random cookie id. */
  browser_hash: string;
  joined_at: Timestamp;
}

export interface WebinarAnnouncementsTable {
  id: Generated<number>;
  /** "webinar:<id>" or "series:<id>". */
  key: string;
  webinar_id: number | null;
  series_id: number | null;
  sent_count: Generated<number>;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface RecordingsTable {
  id: Generated<number>;
  /** The webinar it was recorded at (null when it was held before the portal, or its row was deleted). */
  webinar_id: number | null;
  title: string;
  description: string;
  /** As shown, separated by semicolons: "Dr Aisha Rahman; Tom Okafor". */
  speakers: string;
  /** When the webinar was held: copied from the webinar so the library sorts and filters on one table. */
  recorded_at: Timestamp;
  duration_seconds: number | null;
  /** A video on an allowed external host (RECORDING_EMBED_HOSTS) instead of an uploaded file. */
  external_url: string | null;
  /** Where the uploaded captions end, to check they cover the video. */
  captions_end_seconds: number | null;
  /** A short text alternative to the slides. */
  slides_summary: string | null;
  status: "draft" | "published";
  published_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BulletinsTable {
  id: Generated<number>;
  subject: string;
  /** Short text some mail clients show after the subject. */
  preheader: string;
  /** What staff wrote, in Markdown; rendered (and sanitised) when previewed, sent or read. */
  body_markdown: string;
  /** draft → scheduled → sending → sent; a scheduled one can go back to draft. */
  status: "draft" | "scheduled" | "sending" | "sent";
  scheduled_for: Timestamp | null;
  /** When sending began (the moment it counts as sent, for the archive). */
  send_started_at: Timestamp | null;
  /** When every copy was queued in the outbox. */
  queued_at: Timestamp | null;
  recipient_count: number | null;
  /** Shown to visitors in the archive as well as to members. */
  is_public: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecordingThemesTable {
  recording_id: number;
  theme: string;
}

export interface RecordingFilesTable {
  /** Random public id, used in the file's address. */
  id: string;
  recording_id: number;
  kind: "video" | "captions" | "slides";
  format: "mp4" | "webm" | "vtt" | "pdf" | "pptx";
  content_type: string;
  /** Random name in the storage module; never the uploaded file's name. */
  storage_key: string;
  byte_size: number;
  created_at: Timestamp;
}

export interface RecordingNotificationsTable {
  id: Generated<number>;
  recording_id: number;
  user_id: number;
  created_at: Timestamp;
}

export interface BulletinRecipientsTable {
  id: Generated<number>;
  bulletin_id: number;
  /** Null once the member has left the network. */
  user_id: number | null;
  /**
   * The address the copy is for; null once the member has left. With the bulletin's campaign body
   * (outbox_bodies.campaign_key "bulletin:<id>") it finds the copy's outbox row.
   */
  to_address: string | null;
  /**
   * "queued" until known otherwise; "bounced" when the server refused the address for good. While the
   * copy is in the outbox, its row there says whether it was sent; the outcome is copied here when the
   * member leaves and their outbox rows go.
   */
  status: "queued" | "sent" | "failed" | "bounced";
  queued_at: Timestamp;
}

export interface EventEmailUnsubscribeTokensTable {
  /** SHA-256 (hex) of the random token in one webinar or event email's unsubscribe link. */
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
}

export interface BulletinUnsubscribeTokensTable {
  /** SHA-256 (hex) of the random token in one copy's unsubscribe link. */
  token_hash: string;
  user_id: number;
  /** The bulletin the copy was of (a test copy's too); null if the bulletin was deleted. */
  bulletin_id: number | null;
  created_at: Timestamp;
}

export interface BulletinSubscriptionChangesTable {
  id: Generated<number>;
  user_id: number | null;
  bulletin_id: number | null;
  change: "unsubscribed" | "resubscribed";
  /** one-click: the mail program's unsubscribe button; page: the button on /unsubscribe; preferences: the account page. */
  source: "one-click" | "page" | "preferences";
  at: Timestamp;
  /** The hashed unsubscribe link it was made through (null from the preferences): only that copy's page may undo it. */
  token_hash: string | null;
}

export interface BulletinBouncesTable {
  user_id: number;
  /** The address the mail server refused; the record lapses once the member's address differs. */
  email: string;
  smtp_code: number | null;
  bulletin_id: number | null;
  bounced_at: Timestamp;
}

export type Bulletin = Selectable<BulletinsTable>;
export interface FormSubmissionsTable {
  /** The random token from a create form's hidden field (app/lib/once.server.ts); not a secret. */
  token: string;
  /** What the submission created: "webinar", "webinar-series", "bulletin"… */
  kind: string;
  created_id: number;
  created_at: Timestamp;
}

export interface DB {
  outbox: OutboxTable;
  outbox_bodies: OutboxBodiesTable;
  jobs: JobsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  email_challenges: EmailChallengesTable;
  rate_limit_hits: RateLimitHitsTable;
  domain_overrides: DomainOverridesTable;
  audit_log: AuditLogTable;
  workspaces: WorkspacesTable;
  workspace_memberships: WorkspaceMembershipsTable;
  workspace_threads: WorkspaceThreadsTable;
  workspace_posts: WorkspacePostsTable;
  workspace_post_revisions: WorkspacePostRevisionsTable;
  workspace_reports: WorkspaceReportsTable;
  workspace_resources: WorkspaceResourcesTable;
  workspace_resource_files: WorkspaceResourceFilesTable;
  workspace_digest_subscriptions: WorkspaceDigestSubscriptionsTable;
  workspace_digest_sends: WorkspaceDigestSendsTable;
  workspace_digest_tokens: WorkspaceDigestTokensTable;
  webinar_series: WebinarSeriesTable;
  webinars: WebinarsTable;
  webinar_registrations: WebinarRegistrationsTable;
  webinar_link_tokens: WebinarLinkTokensTable;
  webinar_joins: WebinarJoinsTable;
  webinar_announcements: WebinarAnnouncementsTable;
  bulletins: BulletinsTable;
  bulletin_recipients: BulletinRecipientsTable;
  bulletin_unsubscribe_tokens: BulletinUnsubscribeTokensTable;
  event_email_unsubscribe_tokens: EventEmailUnsubscribeTokensTable;
  bulletin_subscription_changes: BulletinSubscriptionChangesTable;
  bulletin_bounces: BulletinBouncesTable;
  recordings: RecordingsTable;
  recording_themes: RecordingThemesTable;
  recording_files: RecordingFilesTable;
  recording_notifications: RecordingNotificationsTable;
  form_submissions: FormSubmissionsTable;
}

export type OutboxMessage = Selectable<OutboxTable>;
export type OutboxBody = Selectable<OutboxBodiesTable>;
export type Job = Selectable<JobsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type EmailChallenge = Selectable<EmailChallengesTable>;
export type Workspace = Selectable<WorkspacesTable>;
export type WorkspacePost = Selectable<WorkspacePostsTable>;
export type Webinar = Selectable<WebinarsTable>;
export type WebinarSeries = Selectable<WebinarSeriesTable>;
export type WebinarRegistration = Selectable<WebinarRegistrationsTable>;
export type Recording = Selectable<RecordingsTable>;
export type RecordingFile = Selectable<RecordingFilesTable>;
export type { ColumnType };
