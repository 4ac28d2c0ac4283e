import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "#db/schema";
import { webinarAnnouncementEmail, type WebinarAnnouncementProps } from "#emails/webinar-announcement";
import { now, nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { defineJob } from "~/jobs/define.server";
import { scheduleJob } from "~/jobs/jobs.server";
import { enqueueBulkEmail } from "~/mail/bulk.server";
import { placeholder } from "~/mail/placeholders.server";
import { listUnsubscribeHeaders } from "~/mail/unsubscribe-links.server";
import { eventEmailUnsubscribeUrl, newEventEmailTokens } from "~/membership/event-emails-unsubscribe.server";
import { registrationIsOpen, webinarWhen } from "./webinar-records.server";

/**
 * "Registration is open" emails to members who asked for webinar and event emails: one per member
 * per announcement. An announcement is a row keyed by what it is about, so asking twice does nothing;
 * its emails are one bulk campaign (rendered once, one outbox row per member), and queueing a campaign
 * again adds only the members not queued yet, so a restart part-way resends nobody. Each copy has its
 * own unsubscribe link, made in batches just before the batch is queued.
 */

/** How many dates a series' announcement lists. */
const SERIES_DATES = 3;
/** Members given links and queued at a time. */
const BATCH_SIZE = 500;

export type AnnouncementSubject = { webinarId: number } | { seriesId: number };

function keyOf(subject: AnnouncementSubject): string {
  return "webinarId" in subject ? `webinar:${subject.webinarId}` : `series:${subject.seriesId}`;
}

/** What the email says, or null when there is nothing to announce any more (cancelled, closed, no dates). */
async function contentFor(
  executor: Kysely<DB>,
  announcement: { webinar_id: number | null; series_id: number | null },
): Promise<Omit<WebinarAnnouncementProps, "unsubscribeUrl"> | null> {
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
  const queued = content ? await queueCopies(`webinar-announcement:${key}`, content) : 0;
  await db()
    .updateTable("webinar_announcements")
    .set({ sent_count: announcement.sent_count + queued, finished_at: nowIso() })
    .where("id", "=", announcement.id)
    .execute();
  return queued;
}

/** Opted-in members not yet queued for the campaign (so a restart makes no links for copies already queued). */
function membersToQueue(campaignKey: string) {
  return db()
    .selectFrom("users")
    .select(["users.id", "users.email"])
    .where("users.status", "=", "active")
    .where("users.events_opt_in", "=", 1)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("outbox")
            .innerJoin("outbox_bodies", "outbox_bodies.id", "outbox.body_id")
            .select("outbox.id")
            .where("outbox_bodies.campaign_key", "=", campaignKey)
            .whereRef("outbox.to_address", "=", "users.email"),
        ),
      ),
    )
    .orderBy("users.id")
    .execute();
}

async function queueCopies(campaignKey: string, content: Omit<WebinarAnnouncementProps, "unsubscribeUrl">): Promise<number> {
  const members = await membersToQueue(campaignKey);
  let queued = 0;
  for (let start = 0; start < members.length; start += BATCH_SIZE) {
    const batch = members.slice(start, start + BATCH_SIZE);
    // One write transaction per batch for its links, committed before their copies can be delivered.
    const tokens = await db()
      .transaction()
      .execute((trx) => newEventEmailTokens(trx, batch.map((member) => member.id)));
    const result = await enqueueBulkEmail(db(), {
      campaignKey,
      template: webinarAnnouncementEmail,
      props: { ...content, unsubscribeUrl: placeholder("unsubscribe_url") },
      recipients: batch.map((member, i) => {
        const url = eventEmailUnsubscribeUrl(tokens[i]!);
        return { to: member.email, vars: { unsubscribe_url: url }, headers: listUnsubscribeHeaders(url) };
      }),
    });
    queued += result.queued;
  }
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
