import type { Kysely } from "kysely";
import type { DB, WebinarRegistrationStatus } from "#db/schema";

/**
 * The recordings feature's read-only view of the webinars feature's tables (migration 0004_webinars).
 * Features never import each other's modules, so recordings read `webinars` and
 * `webinar_registrations` through Kysely directly, only here, and never write to them.
 */

export interface WebinarSummary {
  id: number;
  title: string;
  description: string;
  speakers: string;
  startsAt: string;
  endsAt: string;
}

const columns = ["id", "title", "description", "speakers", "starts_at", "ends_at"] as const;

function summary(row: { id: number; title: string; description: string; speakers: string; starts_at: string; ends_at: string }): WebinarSummary {
  return { id: row.id, title: row.title, description: row.description, speakers: row.speakers, startsAt: row.starts_at, endsAt: row.ends_at };
}

export async function findWebinar(executor: Kysely<DB>, id: number): Promise<WebinarSummary | undefined> {
  const row = await executor.selectFrom("webinars").select(columns).where("id", "=", id).executeTakeFirst();
  return row ? summary(row) : undefined;
}

/** Webinars that have ended and were not cancelled: what staff can add a recording for. */
function past(executor: Kysely<DB>, nowIso: string) {
  return executor.selectFrom("webinars").select(columns).where("ends_at", "<=", nowIso).where("cancelled_at", "is", null);
}

/** The webinars a recording can be added for, newest first. */
export async function pastWebinars(executor: Kysely<DB>, nowIso: string, limit = 100): Promise<WebinarSummary[]> {
  const rows = await past(executor, nowIso).orderBy("starts_at", "desc").limit(limit).execute();
  return rows.map(summary);
}

/** The webinar if a recording can be added for it (see `past`). */
export async function findPastWebinar(executor: Kysely<DB>, id: number, nowIso: string): Promise<WebinarSummary | undefined> {
  const row = await past(executor, nowIso).where("id", "=", id).executeTakeFirst();
  return row ? summary(row) : undefined;
}

/**
 * Registration statuses that count as "registered for the webinar" for the recording email: approved,
 * waiting for approval or on the waiting list (those who missed out most want the recording).
 * Declined and cancelled registrations do not.
 */
const REGISTERED: WebinarRegistrationStatus[] = ["approved", "pending", "waitlisted"];

/** Active members registered for the webinar who agreed to event emails, in id order. */
export async function registrantsToTell(executor: Kysely<DB>, webinarId: number) {
  return executor
    .selectFrom("webinar_registrations")
    .innerJoin("users", "users.id", "webinar_registrations.user_id")
    .select(["users.id", "users.email", "users.full_name"])
    .where("webinar_registrations.webinar_id", "=", webinarId)
    .where("webinar_registrations.status", "in", REGISTERED)
    .where("users.status", "=", "active")
    .where("users.events_opt_in", "=", 1)
    .orderBy("users.id")
    .execute();
}
