import type { Kysely, Updateable } from "kysely";
import { z } from "zod";
import type { DB, Webinar, WebinarSeries, WebinarsTable } from "#db/schema";
import { webinarCancelledEmail } from "#emails/webinar-cancelled";
import { webinarTimeChangedEmail } from "#emails/webinar-time-changed";
import { now, nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { dailyAtUkTime, defineJob } from "~/jobs/define.server";
import { scheduleJob } from "~/jobs/jobs.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { recordOnce, type Once } from "~/lib/once.server";
import { startAnnouncement } from "./announce-webinar.server";
import { webinarsAudit } from "./audit-actions.server";
import { promoteFromWaitlist, queueJoiningLink } from "./places.server";
import { joiningLinksJobKey, sendJoiningLinksJob } from "./send-joining-links.server";
import { webinarCalendarAttachment } from "./calendar-file.server";
import { CLOCKS_GO_FORWARD, fromUkLocal, ukDate, ukLocalInstant } from "~/ui/dates";
import { addDaysToDate, joiningLinksSendAt } from "./times";
import type { WebinarDetails, WebinarTiming } from "./webinar-form-schema";
import { ACTIVE_STATUSES, findWebinar, hasEnded, joiningLinksDue, linksSendAtText, registrantIn, registrationsWithRegistrant, webinarEmailProps, webinarWhen } from "./webinar-records.server";
import { writeTransaction } from "./write-transaction.server";

/** Staff create, change and cancel webinars and series. Every change is audited in its transaction. */

export type ManageResult =
  | { ok: true; id: number }
  | { ok: false; fieldErrors: Record<string, string[]> }
  | { ok: false; formError: string }
  | { ok: false; notFound: true };

const NOT_FOUND = { ok: false, notFound: true } as const;

function detailColumns(details: WebinarDetails) {
  return {
    title: details.title,
    description: details.description,
    speakers: details.speakers,
    audience: details.audience,
    capacity: details.capacity,
    meeting_url: details.meetingUrl,
    registration_open: details.registrationOpen ? (1 as const) : (0 as const),
    questions_json: JSON.stringify(details.questions),
  };
}

/** The instants a UK date, time and length name, or the error to show by the time field. */
function instantsFor(timing: WebinarTiming): { startsAt: Date; endsAt: Date } | { fieldErrors: Record<string, string[]> } {
  const startsAt = fromUkLocal(timing.date, timing.startTime);
  if (!startsAt) {
    return { fieldErrors: { startTime: [CLOCKS_GO_FORWARD] } };
  }
  return { startsAt, endsAt: new Date(startsAt.getTime() + timing.durationMinutes * 60_000) };
}

const IN_THE_PAST = { fieldErrors: { date: ["The date and time must be in the future"] } };

/** The joining-links job for the webinar's current start time (a moved webinar gets a new one). */
async function scheduleJoiningLinks(trx: Kysely<DB>, webinar: Pick<Webinar, "id" | "starts_at">): Promise<void> {
  await scheduleJob(
    trx,
    sendJoiningLinksJob,
    { webinarId: webinar.id },
    { runAt: joiningLinksSendAt(webinar.starts_at), uniqueKey: joiningLinksJobKey(webinar.id, webinar.starts_at) },
  );
}

/** Creates one webinar; members who asked for event emails hear about it if registration is open. */
export async function createWebinar(actorUserId: number, input: WebinarDetails & WebinarTiming, once?: Once): Promise<ManageResult> {
  const when = instantsFor(input);
  if ("fieldErrors" in when) return { ok: false, ...when };
  if (when.startsAt <= now()) return { ok: false, ...IN_THE_PAST };
  return writeTransaction(async (trx) => {
    const at = nowIso();
    const webinar = await trx
      .insertInto("webinars")
      .values({
        ...detailColumns(input),
        starts_at: when.startsAt.toISOString(),
        ends_at: when.endsAt.toISOString(),
        created_by: actorUserId,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await scheduleJoiningLinks(trx, webinar);
    await webinarsAudit.record(trx, { actorUserId, action: "webinar.created", subjectType: "webinar", subjectId: webinar.id });
    if (input.registrationOpen) await startAnnouncement(trx, { webinarId: webinar.id });
    await recordOnce(trx, once, webinar.id);
    return { ok: true, id: webinar.id };
  });
}

/**
 * Adds occurrences to a running series until it has `occurrences_ahead` still to come (cancelled
 * ones count: they keep their slot). Each is every `interval_days` from the first date, at the same
 * UK time of day whatever the clocks do. Returns how many were added.
 */
export async function topUpSeries(trx: Kysely<DB>, series: WebinarSeries): Promise<number> {
  if (series.stopped_at) return 0;
  const existing = await trx.selectFrom("webinars").select(["series_index", "starts_at"]).where("series_id", "=", series.id).execute();
  const at = now();
  let upcoming = existing.filter((row) => new Date(row.starts_at) > at).length;
  let index = Math.max(-1, ...existing.map((row) => row.series_index ?? -1)) + 1;
  let added = 0;
  while (upcoming < series.occurrences_ahead) {
    const startsAt = ukLocalInstant(addDaysToDate(series.first_date, index * series.interval_days), series.local_start_time);
    const seriesIndex = index;
    index += 1;
    // After a long pause (a worker that was down), dates already gone are skipped, not created.
    if (startsAt <= at) continue;
    const created = nowIso();
    const webinar = await trx
      .insertInto("webinars")
      .values({
        series_id: series.id,
        series_index: seriesIndex,
        title: series.title,
        description: series.description,
        speakers: series.speakers,
        audience: series.audience,
        starts_at: startsAt.toISOString(),
        ends_at: new Date(startsAt.getTime() + series.duration_minutes * 60_000).toISOString(),
        capacity: series.capacity,
        meeting_url: series.meeting_url,
        registration_open: series.registration_open,
        questions_json: series.questions_json,
        created_by: series.created_by,
        created_at: created,
        updated_at: created,
      })
      .returning(["id", "starts_at"])
      .executeTakeFirstOrThrow();
    await scheduleJoiningLinks(trx, webinar);
    upcoming += 1;
    added += 1;
  }
  return added;
}

/** The daily top-up: every running series gets its occurrences ahead again. Returns how many were added. */
export async function topUpAllSeries(): Promise<number> {
  const running = await db().selectFrom("webinar_series").select("id").where("stopped_at", "is", null).execute();
  let added = 0;
  for (const { id } of running) {
    added += await writeTransaction(async (trx) => {
      const series = await trx.selectFrom("webinar_series").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      return topUpSeries(trx, series);
    });
  }
  return added;
}

/** Runs the top-up at 03:00 UK time every day (the worker keeps the next run scheduled). */
export const seriesTopUpJob = defineJob({
  name: "webinars.series-top-up",
  schema: z.object({}),
  repeat: dailyAtUkTime(3),
  async handler() {
    await topUpAllSeries();
  },
});

/** Creates a series every 14 days from the date given, with its first occurrences listed at once. */
export async function createSeries(actorUserId: number, input: WebinarDetails & WebinarTiming, once?: Once): Promise<ManageResult> {
  const when = instantsFor(input);
  if ("fieldErrors" in when) return { ok: false, ...when };
  if (when.startsAt <= now()) return { ok: false, ...IN_THE_PAST };
  return writeTransaction(async (trx) => {
    const at = nowIso();
    const series = await trx
      .insertInto("webinar_series")
      .values({
        ...detailColumns(input),
        first_date: input.date,
        local_start_time: input.startTime,
        duration_minutes: input.durationMinutes,
        created_by: actorUserId,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const occurrences = await topUpSeries(trx, series);
    await webinarsAudit.record(trx, { actorUserId, action: "webinar.series-created", subjectType: "webinar-series", subjectId: series.id, details: { occurrences } });
    if (input.registrationOpen) await startAnnouncement(trx, { seriesId: series.id });
    await recordOnce(trx, once, series.id);
    return { ok: true, id: series.id };
  });
}

type WebinarChange = Pick<
  Updateable<WebinarsTable>,
  "title" | "description" | "speakers" | "audience" | "capacity" | "meeting_url" | "registration_open" | "questions_json"
> & { starts_at: string; ends_at: string };

/** Columns as the audit log names them. */
const CHANGE_NAMES: Record<keyof WebinarChange, string> = {
  title: "title",
  description: "description",
  speakers: "speakers",
  audience: "who it is for",
  starts_at: "time",
  ends_at: "time",
  capacity: "places",
  meeting_url: "meeting link",
  registration_open: "registration open",
  questions_json: "questions",
};
/** Changes a calendar entry shows, so its SEQUENCE rises. */
const CALENDAR_FIELDS = new Set<keyof WebinarChange>(["title", "description", "speakers", "starts_at", "ends_at"]);

/**
 * Applies a change to one webinar and everything that follows from it: a moved webinar emails
 * everyone registered and reschedules its joining links (people with a place get a fresh link on
 * the new day); more places go to the waiting list; opening registration announces a one-off
 * webinar. Returns what changed, as the audit log says it.
 */
async function applyChange(trx: Kysely<DB>, old: Webinar, change: WebinarChange): Promise<string[]> {
  const changed = (Object.keys(change) as Array<keyof WebinarChange>).filter((key) => change[key] !== undefined && change[key] !== old[key]);
  if (changed.length === 0) return [];
  const calendarChanged = changed.some((key) => CALENDAR_FIELDS.has(key));
  const webinar = await trx
    .updateTable("webinars")
    .set({ ...change, sequence: old.sequence + (calendarChanged ? 1 : 0), updated_at: nowIso() })
    .where("id", "=", old.id)
    .returningAll()
    .executeTakeFirstOrThrow();

  if (changed.includes("starts_at") || changed.includes("ends_at")) await afterTimeChange(trx, old, webinar);
  if (webinar.capacity > old.capacity) await promoteFromWaitlist(trx, webinar);
  if (webinar.registration_open === 1 && old.registration_open === 0 && webinar.series_id === null) {
    await startAnnouncement(trx, { webinarId: webinar.id });
  }
  return [...new Set(changed.map((key) => CHANGE_NAMES[key]))];
}

async function afterTimeChange(trx: Kysely<DB>, old: Webinar, webinar: Webinar): Promise<void> {
  await scheduleJoiningLinks(trx, webinar);
  if (hasEnded(webinar)) return;
  const linksLater = joiningLinksSendAt(webinar.starts_at) > now();
  // Moved to another day: a link sent for the old day is sent again on the new one. Moved within the
  // day, a link already sent still works and the time-changed email gives the new time: not sent twice.
  if (linksLater && ukDate(webinar.starts_at) !== ukDate(old.starts_at)) {
    await trx
      .updateTable("webinar_registrations")
      .set({ links_sent_at: null })
      .where("webinar_id", "=", webinar.id)
      .where("status", "=", "approved")
      .execute();
  }
  const registrants = await registrationsWithRegistrant(trx, webinar.id)
    .where("webinar_registrations.status", "in", [...ACTIVE_STATUSES])
    .where("users.status", "=", "active")
    .orderBy("webinar_registrations.id")
    .execute();
  for (const registrant of registrants) {
    await enqueueEmail(trx, {
      to: registrant.email,
      template: webinarTimeChangedEmail,
      props: {
        ...webinarEmailProps(webinar, registrant.full_name),
        previousWhen: webinarWhen(old),
        linksSendAt: registrant.status === "approved" && linksLater && !registrant.links_sent_at ? linksSendAtText(webinar) : null,
      },
      // The moved entry: same UID, higher SEQUENCE.
      attachments: [webinarCalendarAttachment(webinar)],
    });
    // Moved to later today, past the send time: anyone without a link yet gets it now.
    if (registrant.status === "approved" && !registrant.links_sent_at && joiningLinksDue(webinar)) {
      await queueJoiningLink(trx, webinar, registrant, registrantIn(registrant));
    }
  }
}

/** Staff change one webinar (also one occurrence of a series, leaving the others as they are). */
export async function updateWebinar(actorUserId: number, webinarId: number, input: WebinarDetails & WebinarTiming): Promise<ManageResult> {
  const when = instantsFor(input);
  if ("fieldErrors" in when) return { ok: false, ...when };
  return writeTransaction(async (trx) => {
    const old = await findWebinar(webinarId, trx);
    if (!old) return NOT_FOUND;
    if (old.cancelled_at) return { ok: false, formError: "This webinar has been cancelled, so it cannot be changed" };
    const startsAt = when.startsAt.toISOString();
    const endsAt = when.endsAt.toISOString();
    const moved = startsAt !== old.starts_at || endsAt !== old.ends_at;
    if (moved && when.startsAt <= now()) return { ok: false, fieldErrors: { date: ["A new date and time must be in the future"] } };
    const changed = await applyChange(trx, old, { ...detailColumns(input), starts_at: startsAt, ends_at: endsAt });
    if (changed.length) {
      await webinarsAudit.record(trx, { actorUserId, action: "webinar.updated", subjectType: "webinar", subjectId: webinarId, details: { changed } });
    }
    return { ok: true, id: webinarId };
  });
}

/** Staff cancel one webinar: everyone registered is emailed (with a calendar file that removes it). */
export async function cancelWebinar(actorUserId: number, webinarId: number, reason: string): Promise<ManageResult> {
  return writeTransaction(async (trx) => {
    const webinar = await findWebinar(webinarId, trx);
    if (!webinar) return NOT_FOUND;
    if (webinar.cancelled_at) return { ok: false, formError: "This webinar is already cancelled" };
    if (hasEnded(webinar)) return { ok: false, formError: "This webinar has already taken place" };
    const at = nowIso();
    const cancelled = await trx
      .updateTable("webinars")
      .set({ cancelled_at: at, cancel_reason: reason, registration_open: 0, sequence: webinar.sequence + 1, updated_at: at })
      .where("id", "=", webinarId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const registrants = await registrationsWithRegistrant(trx, webinarId)
      .where("webinar_registrations.status", "in", [...ACTIVE_STATUSES])
      .where("users.status", "=", "active")
      .execute();
    for (const registrant of registrants) {
      await enqueueEmail(trx, {
        to: registrant.email,
        template: webinarCancelledEmail,
        props: { ...webinarEmailProps(cancelled, registrant.full_name), reason },
        // METHOD:CANCEL with a higher SEQUENCE, which removes the entry from the calendar.
        attachments: [webinarCalendarAttachment(cancelled)],
      });
    }
    await webinarsAudit.record(trx, {
      actorUserId,
      action: "webinar.cancelled",
      subjectType: "webinar",
      subjectId: webinarId,
      details: { reason, notified: registrants.length },
    });
    return { ok: true, id: webinarId };
  });
}

/**
 * Staff change a series' settings, used for occurrences added from now on; with `applyToUpcoming`,
 * also for every occurrence still to come (each as if edited on its own: people are told what affects them).
 */
export async function updateSeries(actorUserId: number, seriesId: number, input: WebinarDetails & { applyToUpcoming: boolean }): Promise<ManageResult> {
  return writeTransaction(async (trx) => {
    const series = await trx.selectFrom("webinar_series").selectAll().where("id", "=", seriesId).executeTakeFirst();
    if (!series) return NOT_FOUND;
    const columns = detailColumns(input);
    const changed = (Object.keys(columns) as Array<keyof typeof columns>).filter((key) => columns[key] !== series[key]).map((key) => CHANGE_NAMES[key]);
    await trx.updateTable("webinar_series").set({ ...columns, updated_at: nowIso() }).where("id", "=", seriesId).execute();
    let appliedTo = 0;
    if (input.applyToUpcoming) {
      const upcoming = await trx
        .selectFrom("webinars")
        .selectAll()
        .where("series_id", "=", seriesId)
        .where("cancelled_at", "is", null)
        .where("starts_at", ">", nowIso())
        .orderBy("starts_at")
        .execute();
      for (const webinar of upcoming) {
        const changedHere = await applyChange(trx, webinar, { ...columns, starts_at: webinar.starts_at, ends_at: webinar.ends_at });
        if (changedHere.length) appliedTo += 1;
      }
    }
    if (input.registrationOpen && series.registration_open === 0) await startAnnouncement(trx, { seriesId });
    if (changed.length || appliedTo) {
      await webinarsAudit.record(trx, {
        actorUserId,
        action: "webinar.series-updated",
        subjectType: "webinar-series",
        subjectId: seriesId,
        details: { changed, appliedTo },
      });
    }
    return { ok: true, id: seriesId };
  });
}

/** No more occurrences are added; those already listed stay (cancel them one by one if needed). */
export async function stopSeries(actorUserId: number, seriesId: number): Promise<ManageResult> {
  return writeTransaction(async (trx) => {
    const series = await trx.selectFrom("webinar_series").select(["id", "stopped_at"]).where("id", "=", seriesId).executeTakeFirst();
    if (!series) return NOT_FOUND;
    if (series.stopped_at) return { ok: false, formError: "This series has already stopped" };
    await trx.updateTable("webinar_series").set({ stopped_at: nowIso(), updated_at: nowIso() }).where("id", "=", seriesId).execute();
    await webinarsAudit.record(trx, { actorUserId, action: "webinar.series-stopped", subjectType: "webinar-series", subjectId: seriesId });
    return { ok: true, id: seriesId };
  });
}
