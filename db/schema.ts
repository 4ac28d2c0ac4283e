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
  /** Null for network-wide roles; a workspace slug for scoped ones. */
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
  /** Highest member id emailed so far (members are emailed in id order). */
  cursor_user_id: Generated<number>;
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

export interface DB {
  outbox: OutboxTable;
  jobs: JobsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  email_challenges: EmailChallengesTable;
  rate_limit_hits: RateLimitHitsTable;
  domain_overrides: DomainOverridesTable;
  audit_log: AuditLogTable;
  webinar_series: WebinarSeriesTable;
  webinars: WebinarsTable;
  webinar_registrations: WebinarRegistrationsTable;
  webinar_link_tokens: WebinarLinkTokensTable;
  webinar_joins: WebinarJoinsTable;
  webinar_announcements: WebinarAnnouncementsTable;
  recordings: RecordingsTable;
  recording_themes: RecordingThemesTable;
  recording_files: RecordingFilesTable;
  recording_notifications: RecordingNotificationsTable;
}

export type OutboxMessage = Selectable<OutboxTable>;
export type Job = Selectable<JobsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type EmailChallenge = Selectable<EmailChallengesTable>;
export type Webinar = Selectable<WebinarsTable>;
export type WebinarSeries = Selectable<WebinarSeriesTable>;
export type WebinarRegistration = Selectable<WebinarRegistrationsTable>;
export type Recording = Selectable<RecordingsTable>;
export type RecordingFile = Selectable<RecordingFilesTable>;
export type { ColumnType };
