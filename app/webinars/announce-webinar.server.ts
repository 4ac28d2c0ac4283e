import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "#db/schema";
import { webinarAnnouncementEmail, type WebinarAnnouncementProps } from "#emails/webinar-announcement";
import { now, nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { defineJob } from "~/jobs/define.server";
import { scheduleJob } from "~/jobs/jobs.server";
import { enqueueBulkEmail } from "~/mail/bulk.server";
import { registrationIsOpen, webinarWhen } from "./webinar-records.server";

/**
 * "Registration is open" emails to members who asked for webinar and event emails: one per member
 * per announcement. An announcement is a row keyed by what it is about, so asking twice does nothing;
 * its emails are one bulk campaign (rendered once, one outbox row per member), and queueing a campaign
 * again adds only the members not queued yet, so a restart part-way resends nobody.
 */

/** How many dates a series' announcement lists. */
const SERIES_DATES = 3;

export type AnnouncementSubject = { webinarId: number } | { seriesId: number };

function keyOf(subject: AnnouncementSubject): string {
  return "webinarId" in subject ? `webinar:${subject.webinarId}` : `series:${subject.seriesId}`;
}

/** What the email says, or null when there is nothing to announce any more (cancelled, closed, no dates). */
async function contentFor(executor: Kysely<DB>, announcement: { webinar_id: number | null; series_id: number | null }): Promise<WebinarAnnouncementProps | null> {
  if (announcement.webinar_id !== null) {
    const webinar = await executor.selectFrom("webinars").selectAll().where("id", "=", announcement.webinar_id).executeTakeFirst();
    if (!webinar || !registrationIsOpen(webinar)) return null;
    return { title: webinar.title, dates: [webinarWhen(webinar)], series: false, description: webinar.description, path: `/webinars/${webinar.id}` };
  }
  if (announcement.series_id === null) return null;
  const series = await executor.selectFrom("webinar_series").selectAll().where("id", "=", announcement.series_id).executeTakeFirst();
  const upcoming = await executor
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

/** The announcement job: queues the campaign to every opted-in member. Returns how many it queued now. */
export async function runAnnouncement(key: string): Promise<number> {
  const announcement = await db().selectFrom("webinar_announcements").selectAll().where("key", "=", key).executeTakeFirst();
  if (!announcement || announcement.finished_at) return 0;
  const content = await contentFor(db(), announcement);
  const members = content
    ? await db().selectFrom("users").select("email").where("status", "=", "active").where("events_opt_in", "=", 1).orderBy("id").execute()
    : [];
  const { queued } = content
    ? await enqueueBulkEmail(db(), {
        campaignKey: `webinar-announcement:${key}`,
        template: webinarAnnouncementEmail,
        props: content,
        recipients: members.map((member) => ({ to: member.email, vars: {} })),
      })
    : { queued: 0 };
  await db()
    .updateTable("webinar_announcements")
    .set({ sent_count: announcement.sent_count + queued, finished_at: nowIso() })
    .where("id", "=", announcement.id)
    .execute();
  return queued;
}

export const announcementJob = defineJob({
  name: "webinars.announcement",
  schema: z.object({ key: z.string().min(1) }),
  async handler({ key }) {
    await runAnnouncement(key);
  },
});

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
  await scheduleJob(trx, announcementJob, { key }, { runAt: now(), uniqueKey: `webinar-announcement:${key}` });
}
