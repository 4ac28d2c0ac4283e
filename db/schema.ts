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
  /** When queueing began (the moment it counts as sent, for the archive). */
  send_started_at: Timestamp | null;
  /** When every copy was queued in the outbox. */
  queued_at: Timestamp | null;
  recipient_count: number | null;
  /** Shown to visitors in the archive as well as to members. */
  is_public: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BulletinRecipientsTable {
  id: Generated<number>;
  bulletin_id: number;
  /** Null once the member has left the network. */
  user_id: number | null;
  /** The address the copy was queued for; null once the member has left. */
  to_address: string | null;
  /** The copy's Message-ID in the outbox (kept across retries). */
  message_id: string;
  /**
   * "queued" until known otherwise; "bounced" when the server refused the address for good. While the
   * copy is in the outbox, its row there says whether it was sent; the outcome is copied here when the
   * member leaves and their outbox rows go.
   */
  status: "queued" | "sent" | "failed" | "bounced";
  queued_at: Timestamp;
}

export interface BulletinSubscriptionChangesTable {
  id: Generated<number>;
  user_id: number | null;
  bulletin_id: number | null;
  change: "unsubscribed" | "resubscribed";
  /** one-click: the mail client's unsubscribe button; page: the button on /unsubscribe; preferences: the account page. */
  source: "one-click" | "page" | "preferences";
  at: Timestamp;
}

export interface BulletinBouncesTable {
  user_id: number;
  /** The address the mail server refused; the record lapses once the member's address differs. */
  email: string;
  smtp_code: number | null;
  bulletin_id: number | null;
  bounced_at: Timestamp;
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
  bulletins: BulletinsTable;
  bulletin_recipients: BulletinRecipientsTable;
  bulletin_subscription_changes: BulletinSubscriptionChangesTable;
  bulletin_bounces: BulletinBouncesTable;
}

export type OutboxMessage = Selectable<OutboxTable>;
export type Job = Selectable<JobsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type EmailChallenge = Selectable<EmailChallengesTable>;
export type Bulletin = Selectable<BulletinsTable>;
export type { ColumnType };
