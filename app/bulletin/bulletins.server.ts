import { redirect } from "@remix-run/node";
import { sql, type Kysely } from "kysely";
import type { Bulletin, DB, User } from "#db/schema";
import { bulletinEmail } from "#emails/bulletin";
import { takeRateLimit, type RateLimitResult } from "~/auth/rate-limits.server";
import { now, nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { scheduleJob } from "~/jobs/jobs.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { recordOnce, type Once } from "~/lib/once.server";
import { CLOCKS_GO_FORWARD, fromUkLocal, ukDate, ukLocalInstant } from "~/ui/dates";
import { bulletinAudit } from "./audit-actions.server";
import type { BulletinInput, ScheduleInput } from "./bulletin-schema";
import { bulletinEmailProps, campaignKeySql } from "./copies.server";
import { bulletinQueueJob } from "./jobs.server";
import { countSubscribers } from "./subscribers.server";
import { listUnsubscribeHeaders } from "~/mail/unsubscribe-links.server";
import { newUnsubscribeTokens, unsubscribeUrl } from "./unsubscribe-token.server";

/** Staff's side of the bulletin: drafts, tests, sending now or later, the archive flag, and the figures. */

export async function findBulletin(id: number, executor: Kysely<DB> = db()): Promise<Bulletin | undefined> {
  return executor.selectFrom("bulletins").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function requireBulletin(id: number): Promise<Bulletin> {
  const bulletin = await findBulletin(id);
  if (!bulletin) throw new Response("Not found", { status: 404 });
  return bulletin;
}

/** A bulletin for the pages that change it; one that has gone out sends staff back to its page (what members got is what the archive shows). */
export async function requireEditableBulletin(id: number): Promise<Bulletin> {
  const bulletin = await requireBulletin(id);
  if (!isEditable(bulletin)) throw redirect(`/admin/bulletins/${bulletin.id}`);
  return bulletin;
}

/** Drafts and scheduled bulletins can still change; once sending starts they cannot. */
export function isEditable(bulletin: Pick<Bulletin, "status">): boolean {
  return bulletin.status === "draft" || bulletin.status === "scheduled";
}

function contentColumns(input: BulletinInput) {
  return { subject: input.subject, preheader: input.preheader ?? "", body_markdown: input.body };
}

export async function createBulletin(actorUserId: number, input: BulletinInput, once?: Once): Promise<number> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const at = nowIso();
      const { id } = await trx
        .insertInto("bulletins")
        .values({ ...contentColumns(input), status: "draft", is_public: 0, created_at: at, updated_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      await bulletinAudit.record(trx, { actorUserId, action: "bulletin.created", subjectType: "bulletin", subjectId: id });
      await recordOnce(trx, once, id);
      return id;
    });
}

/** Saves changes to a draft or scheduled bulletin; false when it has started sending meanwhile. */
export async function updateBulletin(actorUserId: number, id: number, input: BulletinInput): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const result = await trx
        .updateTable("bulletins")
        .set({ ...contentColumns(input), updated_at: nowIso() })
        .where("id", "=", id)
        .where("status", "in", ["draft", "scheduled"])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await bulletinAudit.record(trx, { actorUserId, action: "bulletin.updated", subjectType: "bulletin", subjectId: id });
      return true;
    });
}

/** Ten test copies an hour is plenty for checking a draft, and keeps a stuck button from flooding a mailbox. */
const TEST_COPY_LIMIT = { limit: 10, windowMs: 60 * 60_000 };

/** Queues a copy of the bulletin to the member of staff, exactly as members get it (with their own unsubscribe link). */
export async function sendTestCopy(actor: User, bulletin: Bulletin): Promise<RateLimitResult> {
  const allowed = await takeRateLimit([{ bucket: `bulletin-test:user:${actor.id}`, ...TEST_COPY_LIMIT }]);
  if (!allowed.allowed) return allowed;
  await db()
    .transaction()
    .execute(async (trx) => {
      const [token] = await newUnsubscribeTokens(trx, bulletin.id, [actor.id]);
      const url = unsubscribeUrl(token!);
      await enqueueEmail(trx, {
        to: actor.email,
        template: bulletinEmail,
        props: { ...bulletinEmailProps(bulletin, url), test: true },
        headers: listUnsubscribeHeaders(url),
      });
      await bulletinAudit.record(trx, { actorUserId: actor.id, action: "bulletin.test-sent", subjectType: "bulletin", subjectId: bulletin.id });
    });
  return allowed;
}

/** Starts sending a draft or scheduled bulletin now; false when it is already sending or sent. */
export async function sendBulletinNow(actorUserId: number, id: number): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const at = nowIso();
      const started = await trx
        .updateTable("bulletins")
        .set({ status: "sending", send_started_at: at, scheduled_for: null, updated_at: at })
        .where("id", "=", id)
        .where("status", "in", ["draft", "scheduled"])
        .executeTakeFirst();
      if (Number(started.numUpdatedRows) === 0) return false;
      await scheduleJob(trx, bulletinQueueJob, { bulletinId: id, scheduledFor: null }, { runAt: now(), uniqueKey: `bulletin-send:${id}` });
      await bulletinAudit.record(trx, {
        actorUserId,
        action: "bulletin.sent",
        subjectType: "bulletin",
        subjectId: id,
        details: { subscribers: await countSubscribers(trx) },
      });
      return true;
    });
}

export type ScheduleResult = { ok: true } | { ok: false; field: "date" | "time" | "form"; message: string };

/** Schedules a draft (or moves a scheduled bulletin) to `input`, which must be in the next year. */
export async function scheduleBulletin(actorUserId: number, id: number, input: ScheduleInput): Promise<ScheduleResult> {
  const at = fromUkLocal(input.date, input.time);
  if (!at) {
    // Either there is no such day (31 February), which lands on another day when read leniently, or
    // the clocks skip that time, which stays on the day; staff choose again rather than get the hour after.
    return ukDate(ukLocalInstant(input.date, input.time)) === input.date
      ? { ok: false, field: "time", message: CLOCKS_GO_FORWARD }
      : { ok: false, field: "date", message: "Enter a real date" };
  }
  const soonest = now().getTime() + 5 * 60_000;
  if (at.getTime() < soonest) return { ok: false, field: "time", message: "Choose a time at least 5 minutes from now, or send it now instead" };
  if (at.getTime() > now().getTime() + 366 * 24 * 60 * 60_000) return { ok: false, field: "date", message: "Choose a date within the next year" };
  return db()
    .transaction()
    .execute(async (trx): Promise<ScheduleResult> => {
      const scheduledFor = at.toISOString();
      const result = await trx
        .updateTable("bulletins")
        .set({ status: "scheduled", scheduled_for: scheduledFor, updated_at: nowIso() })
        .where("id", "=", id)
        .where("status", "in", ["draft", "scheduled"])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return { ok: false, field: "form", message: "This bulletin has already been sent" };
      // One job per schedule: a job left from an earlier time finds the bulletin moved and does nothing.
      await scheduleJob(trx, bulletinQueueJob, { bulletinId: id, scheduledFor }, { runAt: at, uniqueKey: `bulletin-schedule:${id}:${scheduledFor}` });
      await bulletinAudit.record(trx, { actorUserId, action: "bulletin.scheduled", subjectType: "bulletin", subjectId: id, details: { at: scheduledFor } });
      return { ok: true };
    });
}

/** Back to draft; false when it was not scheduled (or has started sending). */
export async function cancelSchedule(actorUserId: number, id: number): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const result = await trx
        .updateTable("bulletins")
        .set({ status: "draft", scheduled_for: null, updated_at: nowIso() })
        .where("id", "=", id)
        .where("status", "=", "scheduled")
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await bulletinAudit.record(trx, { actorUserId, action: "bulletin.schedule-cancelled", subjectType: "bulletin", subjectId: id });
      return true;
    });
}

/** Shows a sent bulletin to visitors in the archive, or to members only; false for one not sent yet. */
export async function setBulletinPublic(actorUserId: number, id: number, isPublic: boolean): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const result = await trx
        .updateTable("bulletins")
        .set({ is_public: isPublic ? 1 : 0, updated_at: nowIso() })
        .where("id", "=", id)
        .where("status", "in", ["sending", "sent"])
        .where("is_public", "=", isPublic ? 0 : 1)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      const action = isPublic ? "bulletin.made-public" : "bulletin.made-members-only";
      await bulletinAudit.record(trx, { actorUserId, action, subjectType: "bulletin", subjectId: id });
      return true;
    });
}

export interface BulletinFigures {
  recipients: number;
  /** Waiting in the outbox, including copies being retried after a temporary failure. */
  queued: number;
  sent: number;
  /** Gave up after retries. */
  failed: number;
  /** The mail server refused the address for good. */
  bounced: number;
  /** Members who unsubscribed after this was the last bulletin sent to them. */
  unsubscribed: number;
}

const EMPTY_FIGURES: BulletinFigures = { recipients: 0, queued: 0, sent: 0, failed: 0, bounced: 0, unsubscribed: 0 };

/**
 * Each copy's outcome: a refusal recorded here wins; otherwise its outbox row says (pending is still
 * queued); a copy whose outbox row has gone (the member left) keeps the outcome copied when they left,
 * and one recorded but not yet in the outbox is queued.
 */
const outcome = sql<string>`case
  when r.status = 'bounced' then 'bounced'
  when o.status is null then r.status
  when o.status = 'pending' then 'queued'
  else o.status end`;

/** Progress and figures for the given bulletins, by id. */
export async function bulletinFigures(ids: readonly number[], executor: Kysely<DB> = db()): Promise<Map<number, BulletinFigures>> {
  const figures = new Map<number, BulletinFigures>(ids.map((id) => [id, { ...EMPTY_FIGURES }]));
  if (ids.length === 0) return figures;
  const { rows } = await sql<{ bulletin_id: number; outcome: keyof BulletinFigures; count: number }>`
    select r.bulletin_id as bulletin_id, ${outcome} as outcome, count(*) as count
    from bulletin_recipients r
    left join outbox_bodies b on b.campaign_key = ${campaignKeySql("r.bulletin_id")}
    left join outbox o on o.body_id = b.id and o.to_address = r.to_address
    where r.bulletin_id in (${sql.join(ids)})
    group by r.bulletin_id, outcome`.execute(executor);
  for (const row of rows) {
    const entry = figures.get(row.bulletin_id)!;
    entry[row.outcome] += Number(row.count);
    entry.recipients += Number(row.count);
  }
  const unsubscribes = await executor
    .selectFrom("bulletin_subscription_changes")
    .select(["bulletin_id", (eb) => eb.fn.countAll<number>().as("count")])
    .where("bulletin_id", "in", ids)
    .where("change", "=", "unsubscribed")
    .groupBy("bulletin_id")
    .execute();
  for (const row of unsubscribes) figures.get(row.bulletin_id!)!.unsubscribed = Number(row.count);
  return figures;
}

/** Every bulletin for the staff list: drafts and scheduled first, then the most recently sent. */
export async function listBulletinsForStaff() {
  const bulletins = await db()
    .selectFrom("bulletins")
    .select(["id", "subject", "status", "scheduled_for", "send_started_at", "is_public", "updated_at"])
    .orderBy(sql`case when status in ('draft', 'scheduled') then 0 else 1 end`)
    .orderBy(sql`coalesce(send_started_at, updated_at)`, "desc")
    .orderBy("id", "desc")
    .execute();
  const figures = await bulletinFigures(bulletins.map((bulletin) => bulletin.id));
  return bulletins.map((bulletin) => ({ ...bulletin, figures: figures.get(bulletin.id)! }));
}
