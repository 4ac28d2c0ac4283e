import type { Kysely } from "kysely";
import { z } from "zod";
import type { Bulletin, DB } from "#db/schema";
import { now, nowIso } from "~/clock.server";
import { logger } from "~/logger.server";
import { enqueueBulkCopies, type RenderedCampaign } from "./bulk-mail.server";
import { renderBulletinCampaign } from "./copies.server";
import { subscribers } from "./subscribers.server";
import { listUnsubscribeHeaders, unsubscribeUrl } from "./unsubscribe-token.server";

/**
 * Sending: a durable job queues the bulletin's copies in the outbox, a batch of members per transaction,
 * recording each member in bulletin_recipients in the same transaction. The pair (bulletin, member) is
 * unique, and each batch picks members not yet recorded, so a job that stops half way (a crash, a
 * deploy) and runs again carries on where it stopped: nobody is skipped and nobody gets two copies.
 * The outbox worker then delivers them; a retried copy keeps its Message-ID.
 */

export const BULLETIN_QUEUE_JOB = "bulletin.queue";

export const queueJobPayload = z.object({
  bulletinId: z.number().int().positive(),
  /** For a scheduled send: the time it was scheduled for, so a job left from an earlier schedule does nothing. */
  scheduledFor: z.string().nullable().default(null),
});

export type QueueJobPayload = z.input<typeof queueJobPayload>;

const BATCH_SIZE = 500;

/** Queues copies for up to `batchSize` subscribers not yet queued; returns how many it queued. */
export async function queueNextBatch(database: Kysely<DB>, bulletin: Bulletin, campaign: RenderedCampaign, batchSize = BATCH_SIZE): Promise<number> {
  return database.transaction().execute(async (trx) => {
    const members = await subscribers(trx)
      .select(["users.id", "users.email"])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("bulletin_recipients")
              .select("bulletin_recipients.id")
              .where("bulletin_recipients.bulletin_id", "=", bulletin.id)
              .whereRef("bulletin_recipients.user_id", "=", "users.id"),
          ),
        ),
      )
      .orderBy("users.id")
      .limit(batchSize)
      .execute();
    if (members.length === 0) return 0;
    const copies = members.map((member) => {
      const url = unsubscribeUrl(member.id);
      return { to: member.email, vars: { unsubscribeUrl: url }, headers: listUnsubscribeHeaders(url) };
    });
    const messageIds = await enqueueBulkCopies(trx, campaign, copies);
    const queuedAt = nowIso();
    const rows = members.map((member, index) => ({
      bulletin_id: bulletin.id,
      user_id: member.id,
      to_address: member.email,
      message_id: messageIds[index]!,
      status: "queued" as const,
      queued_at: queuedAt,
    }));
    for (let start = 0; start < rows.length; start += 150) {
      await trx.insertInto("bulletin_recipients").values(rows.slice(start, start + 150)).execute();
    }
    return members.length;
  });
}

/** A scheduled bulletin whose time has come starts sending; anything else is left as it is. */
async function startIfScheduled(database: Kysely<DB>, bulletin: Bulletin, scheduledFor: string | null): Promise<Bulletin | undefined> {
  if (bulletin.status === "sending") return bulletin;
  if (bulletin.status !== "scheduled" || bulletin.scheduled_for !== scheduledFor) return undefined;
  if (bulletin.scheduled_for && new Date(bulletin.scheduled_for) > now()) return undefined;
  return database
    .updateTable("bulletins")
    .set({ status: "sending", send_started_at: nowIso(), updated_at: nowIso() })
    .where("id", "=", bulletin.id)
    .where("status", "=", "scheduled")
    .returningAll()
    .executeTakeFirst();
}

/**
 * The job: queues every subscriber's copy, then marks the bulletin sent. Safe to run again at any
 * point; a bulletin already sent, or moved back to draft, is left alone.
 */
export async function queueBulletin(database: Kysely<DB>, payload: QueueJobPayload, options: { batchSize?: number } = {}): Promise<number> {
  const { bulletinId, scheduledFor } = queueJobPayload.parse(payload);
  const found = await database.selectFrom("bulletins").selectAll().where("id", "=", bulletinId).executeTakeFirst();
  const bulletin = found && (await startIfScheduled(database, found, scheduledFor));
  if (!bulletin) return 0;
  const campaign = await renderBulletinCampaign(bulletin);
  let queued = 0;
  for (;;) {
    const count = await queueNextBatch(database, bulletin, campaign, options.batchSize);
    queued += count;
    if (count === 0) break;
  }
  const total = await database
    .selectFrom("bulletin_recipients")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("bulletin_id", "=", bulletin.id)
    .executeTakeFirstOrThrow();
  await database
    .updateTable("bulletins")
    .set({ status: "sent", queued_at: nowIso(), recipient_count: Number(total.count), updated_at: nowIso() })
    .where("id", "=", bulletin.id)
    .where("status", "=", "sending")
    .execute();
  logger.info({ bulletinId: bulletin.id, queued, recipients: Number(total.count) }, "bulletin queued");
  return queued;
}
