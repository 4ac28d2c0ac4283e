import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { webinarAnnouncementEmail, type WebinarAnnouncementProps } from "#emails/webinar-announcement";
import { now, nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { scheduleWebinarJob, WEBINAR_JOBS } from "./jobs.server";
import { registrationIsOpen, webinarWhen } from "./webinar-records.server";

/**
 * "Registration is open" emails to members who asked for webinar and event emails: one per member
 * per announcement. An announcement is a row keyed by what it is about, so asking twice does
 * nothing; members are emailed in id order in batches, and the row keeps the last id done, so a
 * restart carries on where it stopped instead of starting again.
 */

const BATCH = 200;
/** How many dates a series' announcement lists. */
const SERIES_DATES = 3;

export type AnnouncementSubject = { webinarId: number } | { seriesId: number };

function keyOf(subject: AnnouncementSubject): string {
  return "webinarId" in subject ? `webinar:${subject.webinarId}` : `series:${subject.seriesId}`;
}

/** Starts the announcement (in the transaction that opens registration); a second call does nothing. */
export async function startAnnouncement(trx: Kysely<DB>, subject: AnnouncementSubject): Promise<void> {
  const key = keyOf(subject);
  const inserted = await trx
    .insertInto("webinar_announcements")
    .values({
      key,
      webinar_id: "webinarId" in subject ? subject.webinarId : null,
      series_id: "seriesId" in subject ? subject.seriesId : null,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.column("key").doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
  await scheduleWebinarJob(trx, WEBINAR_JOBS.announcement, { key }, { runAt: now(), uniqueKey: `webinar-announcement:${key}` });
}

/** What the email says, or null when there is nothing to announce any more (cancelled, closed, no dates). */
async function contentFor(trx: Kysely<DB>, announcement: { webinar_id: number | null; series_id: number | null }): Promise<WebinarAnnouncementProps | null> {
  if (announcement.webinar_id !== null) {
    const webinar = await trx.selectFrom("webinars").selectAll().where("id", "=", announcement.webinar_id).executeTakeFirst();
    if (!webinar || !registrationIsOpen(webinar)) return null;
    return { title: webinar.title, dates: [webinarWhen(webinar)], series: false, description: webinar.description, path: `/webinars/${webinar.id}` };
  }
  if (announcement.series_id === null) return null;
  const series = await trx.selectFrom("webinar_series").selectAll().where("id", "=", announcement.series_id).executeTakeFirst();
  const upcoming = await trx
    .selectFrom("webinars")
    .selectAll()
    .where("series_id", "=", announcement.series_id)
    .where("cancelled_at", "is", null)
    .where("starts_at", ">", nowIso())
    .orderBy("starts_at")
    .limit(SERIES_DATES)
    .execute();
  if (!series || upcoming.length === 0) return null;
  return { title: series.title, dates: upcoming.map(webinarWhen), series: true, description: series.description, path: "/webinars" };
}

/** The announcement job: emails the next batches until every opted-in member has had it. Returns how many it queued. */
export async function runAnnouncement(key: string): Promise<number> {
  let total = 0;
  for (;;) {
    const queued = await db()
      .transaction()
      .execute(async (trx) => {
        const announcement = await trx.selectFrom("webinar_announcements").selectAll().where("key", "=", key).executeTakeFirst();
        if (!announcement || announcement.finished_at) return 0;
        const content = await contentFor(trx, announcement);
        const members = content
          ? await trx
              .selectFrom("users")
              .select(["id", "email"])
              .where("status", "=", "active")
              .where("events_opt_in", "=", 1)
              .where("id", ">", announcement.cursor_user_id)
              .orderBy("id")
              .limit(BATCH)
              .execute()
          : [];
        for (const member of members) {
          await enqueueEmail(trx, { to: member.email, template: webinarAnnouncementEmail, props: content as WebinarAnnouncementProps });
        }
        await trx
          .updateTable("webinar_announcements")
          .set({
            cursor_user_id: members.at(-1)?.id ?? announcement.cursor_user_id,
            sent_count: announcement.sent_count + members.length,
            finished_at: members.length < BATCH ? nowIso() : null,
          })
          .where("id", "=", announcement.id)
          .execute();
        return members.length;
      });
    total += queued;
    if (queued < BATCH) return total;
  }
}
