import { sql, type Kysely } from "kysely";
import { z } from "zod";
import type { Bulletin, DB } from "#db/schema";
import { bulletinEmail } from "#emails/bulletin";
import { now, nowIso } from "~/clock.server";
import { logger } from "~/logger.server";
import { enqueueBulkEmail } from "~/mail/bulk.server";
import { placeholder } from "~/mail/placeholders.server";
import { bulletinEmailProps, campaignKey } from "./copies.server";
import { subscribers } from "./subscribers.server";
import { listUnsubscribeHeaders } from "~/mail/unsubscribe-links.server";
import { newUnsubscribeTokens, unsubscribeUrl } from "./unsubscribe-token.server";

/**
 * Sending: a durable job records a batch of subscribers in bulletin_recipients (one row per bulletin and
 * member, enforced by a unique index) with a new unsubscribe link each, then queues their copies with the
 * mail layer's bulk queue (one body for the campaign, each copy with its own link and headers; one outbox
 * row per campaign and address). A run that stops anywhere (a crash, a deploy) and runs again first queues
 * anyone recorded but not yet in the outbox (with new links: only hashes were kept, and the first ones
 * never left), then carries on with members not yet recorded: nobody is skipped and nobody gets two
 * copies. The outbox worker delivers them; a retried copy keeps its Message-ID.
 */

export const queueJobPayload = z.object({
  bulletinId: z.number().int().positive(),
  /** For a scheduled send: the time it was scheduled for, so a job left from an earlier schedule does nothing. */
  scheduledFor: z.string().nullable().default(null),
});

export type QueueJobPayload = z.input<typeof queueJobPayload>;

const BATCH_SIZE = 500;

interface Recipient {
  userId: number;
  email: string;
}

/** A recipient with the token of their copy's unsubscribe link. */
export interface Copy extends Recipient {
  token: string;
}

async function withTokens(executor: Kysely<DB>, bulletinId: number, recipients: readonly Recipient[]): Promise<Copy[]> {
  const tokens = await newUnsubscribeTokens(
    executor,
    bulletinId,
    recipients.map((recipient) => recipient.userId),
  );
  return recipients.map((recipient, i) => ({ ...recipient, token: tokens[i]! }));
}

/** Members recorded for the bulletin whose copy is not in the outbox yet (a run stopped between the two steps), if still subscribed. */
function recordedButNotQueued(database: Kysely<DB>, bulletinId: number, limit: number): Promise<Recipient[]> {
  return subscribers(database)
    .innerJoin("bulletin_recipients as r", "r.user_id", "users.id")
    .leftJoin("outbox_bodies as b", (join) => join.on("b.campaign_key", "=", campaignKey(bulletinId)))
    .leftJoin("outbox as o", (join) => join.onRef("o.body_id", "=", "b.id").onRef("o.to_address", "=", "r.to_address"))
    .where("r.bulletin_id", "=", bulletinId)
    .where("o.id", "is", null)
    .select(["users.id as userId", sql<string>`r.to_address`.as("email")])
    .orderBy("users.id")
    .limit(limit)
    .execute();
}

/** Records up to `limit` subscribers not yet recorded for the bulletin, with their links, in one transaction; returns them. */
export async function recordNextRecipients(database: Kysely<DB>, bulletinId: number, limit = BATCH_SIZE): Promise<Copy[]> {
  return database.transaction().execute(async (trx) => {
    const members = await subscribers(trx)
      .select(["users.id as userId", "users.email as email"])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("bulletin_recipients")
              .select("bulletin_recipients.id")
              .where("bulletin_recipients.bulletin_id", "=", bulletinId)
              .whereRef("bulletin_recipients.user_id", "=", "users.id"),
          ),
        ),
      )
      .orderBy("users.id")
      .limit(limit)
      .execute();
    const queuedAt = nowIso();
    for (let start = 0; start < members.length; start += 150) {
      const rows = members.slice(start, start + 150).map((member) => ({
        bulletin_id: bulletinId,
        user_id: member.userId,
        to_address: member.email,
        status: "queued" as const,
        queued_at: queuedAt,
      }));
      await trx.insertInto("bulletin_recipients").values(rows).execute();
    }
    return withTokens(trx, bulletinId, members);
  });
}

/** Queues the copies for members already recorded (the bulk queue skips any already queued). */
export async function queueCopies(database: Kysely<DB>, bulletin: Bulletin, copies: readonly Copy[]): Promise<void> {
  await enqueueBulkEmail(database, {
    campaignKey: campaignKey(bulletin.id),
    template: bulletinEmail,
    props: bulletinEmailProps(bulletin, placeholder("unsubscribe_url")),
    recipients: copies.map((copy) => {
      const url = unsubscribeUrl(copy.token);
      return { to: copy.email, vars: { unsubscribe_url: url }, headers: listUnsubscribeHeaders(url) };
    }),
  });
}

/**
 * A scheduled bulletin whose time has come starts sending; one already sending carries on if this job
 * started it (a retry). A job from a schedule that "Send now" replaced leaves the sending to that one.
 */
async function startIfScheduled(database: Kysely<DB>, bulletin: Bulletin, scheduledFor: string | null): Promise<Bulletin | undefined> {
  if (bulletin.status === "sending") return bulletin.scheduled_for === scheduledFor ? bulletin : undefined;
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
 * The job: records and queues every subscriber's copy, then marks the bulletin sent. Safe to run again
 * at any point; a bulletin already sent, or moved back to draft, is left alone.
 */
export async function queueBulletin(database: Kysely<DB>, payload: QueueJobPayload, options: { batchSize?: number } = {}): Promise<number> {
  const { bulletinId, scheduledFor } = queueJobPayload.parse(payload);
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const found = await database.selectFrom("bulletins").selectAll().where("id", "=", bulletinId).executeTakeFirst();
  const bulletin = found && (await startIfScheduled(database, found, scheduledFor));
  if (!bulletin) return 0;
  let queued = 0;
  for (;;) {
    const leftOver = await recordedButNotQueued(database, bulletin.id, batchSize);
    const copies = leftOver.length ? await withTokens(database, bulletin.id, leftOver) : await recordNextRecipients(database, bulletin.id, batchSize);
    if (copies.length === 0) break;
    await queueCopies(database, bulletin, copies);
    queued += copies.length;
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
