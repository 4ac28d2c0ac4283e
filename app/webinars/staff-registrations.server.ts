import { sql, type Kysely } from "kysely";
import type { DB, WebinarRegistrationStatus } from "#db/schema";
import { nowIso } from "~/clock.server";
import { formatUkDay, ukLocalInstant } from "~/ui/dates";
import { db } from "~/db.server";
import { paginate } from "~/lib/paging.server";
import { JOB_ROLES, labelFor, REGIONS } from "~/membership/profile-options";
import { staffVisibleEmail } from "~/privacy/tombstone";
import { parseAnswers, parseQuestions } from "./questions";
import { POSSIBLY_SHARED_BROWSERS } from "./registration-statuses";
import { formatDuration, formatUkClock } from "./times";
import { seriesFormValues } from "./webinar-form-values.server";
import { hasEnded, hasStarted, joiningLinksDue, linksSendAtText, webinarWhen } from "./webinar-records.server";

/** What staff see of webinars and their registrations. */


export type RegistrationFilter = WebinarRegistrationStatus | "joined" | "shared";

export const REGISTRATIONS_PAGE_SIZE = 100;

async function statusCounts(executor: Kysely<DB>, webinarIds: number[]) {
  if (webinarIds.length === 0) return new Map<number, Record<WebinarRegistrationStatus, number>>();
  const rows = await executor
    .selectFrom("webinar_registrations")
    .select(["webinar_id", "status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("webinar_id", "in", webinarIds)
    .groupBy(["webinar_id", "status"])
    .execute();
  const counts = new Map<number, Record<WebinarRegistrationStatus, number>>();
  for (const id of webinarIds) counts.set(id, { pending: 0, approved: 0, waitlisted: 0, declined: 0, cancelled: 0 });
  for (const row of rows) (counts.get(row.webinar_id) as Record<WebinarRegistrationStatus, number>)[row.status] = Number(row.count);
  return counts;
}

/** Upcoming (soonest first) or past (newest first) webinars with their registration counts. */
export async function listWebinarsForStaff(view: "upcoming" | "past", page: number) {
  const at = nowIso();
  const filtered = db()
    .selectFrom("webinars")
    .leftJoin("webinar_series", "webinar_series.id", "webinars.series_id")
    .where("webinars.ends_at", view === "upcoming" ? ">" : "<=", at);
  const result = await paginate(filtered, { page, pageSize: 50 }, (query) =>
    query
      .select([
        "webinars.id",
        "webinars.title",
        "webinars.starts_at",
        "webinars.ends_at",
        "webinars.capacity",
        "webinars.registration_open",
        "webinars.cancelled_at",
        "webinar_series.id as seriesId",
        "webinar_series.title as seriesTitle",
      ])
      .orderBy("webinars.starts_at", view === "upcoming" ? "asc" : "desc")
      .orderBy("webinars.id"),
  );
  const counts = await statusCounts(db(), result.rows.map((row) => row.id));
  return {
    ...result,
    rows: result.rows.map((row) => ({
      id: row.id,
      title: row.title,
      when: webinarWhen(row),
      capacity: row.capacity,
      registrationOpen: row.registration_open === 1,
      cancelled: row.cancelled_at !== null,
      series: row.seriesId ? { id: row.seriesId, title: row.seriesTitle ?? "" } : null,
      counts: counts.get(row.id) as Record<WebinarRegistrationStatus, number>,
    })),
  };
}

export async function listSeriesForStaff() {
  const series = await db().selectFrom("webinar_series").selectAll().orderBy("created_at", "desc").execute();
  return series.map((row) => ({ id: row.id, title: row.title, stopped: row.stopped_at !== null, localStartTime: row.local_start_time, firstDate: row.first_date }));
}

/** One webinar for its staff page: everything about it (the meeting link too) and the counts. */
export async function getWebinarForStaff(webinarId: number) {
  const webinar = await db().selectFrom("webinars").selectAll().where("id", "=", webinarId).executeTakeFirst();
  if (!webinar) return undefined;
  const counts = (await statusCounts(db(), [webinarId])).get(webinarId) as Record<WebinarRegistrationStatus, number>;
  const attendance = await db()
    .selectFrom("webinar_joins")
    .innerJoin("webinar_registrations", "webinar_registrations.id", "webinar_joins.registration_id")
    .select(["webinar_joins.registration_id", sql<number>`count(distinct webinar_joins.browser_hash)`.as("browsers")])
    .where("webinar_registrations.webinar_id", "=", webinarId)
    .groupBy("webinar_joins.registration_id")
    .execute();
  const { linksSent } = await db()
    .selectFrom("webinar_registrations")
    .select((eb) => eb.fn.countAll<number>().as("linksSent"))
    .where("webinar_id", "=", webinarId)
    .where("status", "=", "approved")
    .where("links_sent_at", "is not", null)
    .executeTakeFirstOrThrow();
  const series = webinar.series_id
    ? await db().selectFrom("webinar_series").select(["id", "title"]).where("id", "=", webinar.series_id).executeTakeFirst()
    : undefined;
  return {
    id: webinar.id,
    title: webinar.title,
    description: webinar.description,
    speakers: webinar.speakers,
    audience: webinar.audience,
    when: webinarWhen(webinar),
    startsAt: webinar.starts_at,
    endsAt: webinar.ends_at,
    duration: formatDuration(Math.round((Date.parse(webinar.ends_at) - Date.parse(webinar.starts_at)) / 60_000)),
    capacity: webinar.capacity,
    meetingUrl: webinar.meeting_url,
    registrationOpen: webinar.registration_open === 1,
    questions: parseQuestions(webinar.questions_json),
    cancelled: webinar.cancelled_at !== null,
    cancelReason: webinar.cancel_reason,
    started: hasStarted(webinar),
    ended: hasEnded(webinar),
    linksDue: joiningLinksDue(webinar),
    linksSendAt: linksSendAtText(webinar),
    series: series ?? null,
    counts,
    linksSent: Number(linksSent),
    joined: attendance.length,
    possiblyShared: attendance.filter((row) => Number(row.browsers) >= POSSIBLY_SHARED_BROWSERS).length,
  };
}

function registrationsQuery(webinarId: number, filter: RegistrationFilter | undefined) {
  const browsers = sql<number>`(select count(distinct browser_hash) from webinar_joins where webinar_joins.registration_id = webinar_registrations.id)`;
  let query = db()
    .selectFrom("webinar_registrations")
    .innerJoin("users", "users.id", "webinar_registrations.user_id")
    .where("webinar_registrations.webinar_id", "=", webinarId);
  if (filter === "joined") query = query.where(browsers, ">", 0);
  else if (filter === "shared") query = query.where(browsers, ">=", POSSIBLY_SHARED_BROWSERS);
  else if (filter) query = query.where("webinar_registrations.status", "=", filter);
  return { query, browsers };
}

function selectRegistrationColumns(webinarId: number, filter: RegistrationFilter | undefined) {
  const { query, browsers } = registrationsQuery(webinarId, filter);
  return {
    filtered: query,
    select: (q: typeof query) =>
      q
        .select([
          "webinar_registrations.id",
          "webinar_registrations.user_id as userId",
          "webinar_registrations.status",
          "webinar_registrations.answers_json",
          "webinar_registrations.registered_at",
          "webinar_registrations.decided_at",
          "webinar_registrations.decline_reason",
          "webinar_registrations.links_sent_at",
          "users.full_name",
          "users.email",
          "users.status as userStatus",
          "users.organisation",
          "users.job_role",
          "users.region",
          browsers.as("browsers"),
          sql<string | null>`(select min(joined_at) from webinar_joins where webinar_joins.registration_id = webinar_registrations.id)`.as("first_joined_at"),
        ])
        .orderBy("webinar_registrations.registered_at")
        .orderBy("webinar_registrations.id"),
  };
}

type RegistrationRow = {
  id: number;
  userId: number;
  status: WebinarRegistrationStatus;
  answers_json: string;
  registered_at: string;
  decided_at: string | null;
  decline_reason: string | null;
  links_sent_at: string | null;
  full_name: string;
  email: string;
  userStatus: string;
  organisation: string;
  job_role: string;
  region: string;
  browsers: number;
  first_joined_at: string | null;
};

function describeRow(row: RegistrationRow) {
  const browsers = Number(row.browsers);
  return {
    id: row.id,
    userId: row.userId,
    fullName: row.full_name,
    email: staffVisibleEmail({ status: row.userStatus, email: row.email }),
    organisation: row.organisation,
    jobRole: labelFor(JOB_ROLES, row.job_role),
    region: labelFor(REGIONS, row.region),
    status: row.status,
    registeredAt: row.registered_at,
    decidedAt: row.decided_at,
    declineReason: row.decline_reason,
    answers: parseAnswers(row.answers_json),
    linksSentAt: row.links_sent_at,
    firstJoinedAt: row.first_joined_at,
    browsers,
    possiblyShared: browsers >= POSSIBLY_SHARED_BROWSERS,
  };
}

/** One page of a webinar's registrations, first registered first. */
export async function listRegistrationsForStaff(webinarId: number, options: { filter?: RegistrationFilter; page: number }) {
  const { filtered, select } = selectRegistrationColumns(webinarId, options.filter);
  const result = await paginate(filtered, { page: options.page, pageSize: REGISTRATIONS_PAGE_SIZE }, select);
  return { ...result, rows: (result.rows as RegistrationRow[]).map(describeRow) };
}

/** Every registration, for the CSV download. */
export async function allRegistrationsForStaff(webinarId: number) {
  const { filtered, select } = selectRegistrationColumns(webinarId, undefined);
  return ((await select(filtered).execute()) as RegistrationRow[]).map(describeRow);
}

/** A series and its occurrences, for the series' staff page. */
export async function getSeriesForStaff(seriesId: number) {
  const series = await db().selectFrom("webinar_series").selectAll().where("id", "=", seriesId).executeTakeFirst();
  if (!series) return undefined;
  const occurrences = await db().selectFrom("webinars").selectAll().where("series_id", "=", seriesId).orderBy("starts_at").execute();
  const counts = await statusCounts(db(), occurrences.map((occurrence) => occurrence.id));
  const firstStart = ukLocalInstant(series.first_date, series.local_start_time);
  return {
    schedule: `Every ${series.interval_days} days from ${formatUkDay(firstStart)}, at ${formatUkClock(firstStart)} UK time, for ${formatDuration(series.duration_minutes)}`,
    values: seriesFormValues(series),
    series: {
      id: series.id,
      title: series.title,
      description: series.description,
      speakers: series.speakers,
      audience: series.audience,
      capacity: series.capacity,
      meetingUrl: series.meeting_url,
      registrationOpen: series.registration_open === 1,
      questions: parseQuestions(series.questions_json),
      firstDate: series.first_date,
      localStartTime: series.local_start_time,
      duration: formatDuration(series.duration_minutes),
      intervalDays: series.interval_days,
      occurrencesAhead: series.occurrences_ahead,
      stopped: series.stopped_at !== null,
    },
    occurrences: occurrences.map((occurrence) => ({
      id: occurrence.id,
      title: occurrence.title,
      when: webinarWhen(occurrence),
      cancelled: occurrence.cancelled_at !== null,
      ended: hasEnded(occurrence),
      counts: counts.get(occurrence.id) as Record<WebinarRegistrationStatus, number>,
      capacity: occurrence.capacity,
    })),
  };
}
