import { sql, type Kysely, type Updateable } from "kysely";
import { z } from "zod";
import type { DB, OutboxBody, OutboxMessage, OutboxTable } from "#db/schema";
import { now } from "~/clock.server";
import { leaseDueRows, releaseLeases, retryDelayMs } from "~/lib/leases.server";
import { logger } from "~/logger.server";
import { readAttachments } from "./attachments.server";
import { messageContent } from "./bulk.server";
import type { MailTransport, OutgoingEmail } from "./transport.server";

export const MAX_DELIVERY_ATTEMPTS = 8;
/** How long a worker may hold a message; after a crash, another pass picks it up after this. */
const LEASE_MS = 2 * 60_000;
const SENT_FLUSH_MS = 5;
/** What a delivered sensitive email's body becomes (its code or link stays usable for a while); its attachments are dropped. */
export const REDACTED_AFTER_DELIVERY = "[removed after delivery: it held a personal code or link]";
const REDACTED_AFTER_FAILURE = "[removed when delivery stopped: it held a personal code or link]";

/**
 * What every message keeps only to be sent: a bulk copy's recipient values and any message's own
 * headers, which hold personal links such as a one-click unsubscribe address. Once a message is
 * delivered or given up on (by SMTP; capture mode is the developer's mailbox), they go; the
 * subject, recipient and dates stay as the record of what was sent.
 */
const SENDING_DETAILS_DROPPED = { vars_json: null, headers_json: "{}" };

/** What is left of a sensitive message once it is delivered or given up on: a note instead of its body and attachments. */
function redactedFields(note: string) {
  return { html: note, text: note, attachments_json: null };
}

/**
 * Told, in the transaction that records it, about each message the receiving server refused for good
 * (an SMTP 5xx): `message` is the updated row, with `failure_code` and the response in `last_error`.
 * A feature plugs one in through the worker (e.g. the bulletin marks the address as bouncing when
 * `message.template` is its own). If a handler throws, the failure is still recorded, without it;
 * rows with `failure_kind = 'permanent'` stay readable for anything that needs to catch up.
 */
export type PermanentFailureHandler = (trx: Kysely<DB>, message: OutboxMessage) => Promise<void>;

export interface DeliveryOptions {
  /** Messages leased at a time. */
  batchSize?: number;
  /** Messages handled in one call at most (ten batches unless set), so the worker's other work gets a turn. */
  maxMessages?: number;
  /** Messages in flight at once; the transport's pool size unless set. */
  concurrency?: number;
  /** When it aborts, messages in flight finish and the rest of the batch is released for the next pass. */
  signal?: AbortSignal;
  onPermanentFailure?: readonly PermanentFailureHandler[];
}

export interface DeliveryResult {
  sent: number;
  retrying: number;
  /** Failed for good: refused by the server, or out of retries. */
  failed: number;
  /** Not sent because they could no longer arrive in time. */
  expired: number;
  released: number;
}

/** Due messages not held by another worker, earliest due first. */
function claimDueMessages(db: Kysely<DB>, limit: number): Promise<OutboxMessage[]> {
  return leaseDueRows(db, "outbox", LEASE_MS, async (trx, nowIso) => {
    const due = await trx
      .selectFrom("outbox")
      .select("id")
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", nowIso)
      .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", nowIso)]))
      // Earliest due first, in queued order among equals: the order of the outbox_due index, so a
      // backlog of 20,000 is not sorted again for every batch.
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    return due.map((row) => row.id);
  });
}

const headerValues = z.record(z.string(), z.string());

function smtpResponseCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" ? code : undefined;
}

/**
 * Delivers due messages, earliest due first, with up to `concurrency` in flight over the transport's pool.
 * Outcomes are recorded as they come (sent ones a few at a time, within milliseconds):
 * - sent; its per-recipient values and headers, and a sensitive email's body and attachments, are then
 *   removed (SMTP only: in capture mode the outbox is the developer's mailbox);
 * - refused for good (5xx): failed at once, with the code and response, and the permanent-failure
 *   handlers are told;
 * - a temporary failure (4xx, connection): retried with backoff (same Message-ID), failed after
 *   MAX_DELIVERY_ATTEMPTS;
 * - past its `expires_at` (or its next try would be): failed as expired, not sent late.
 */
export async function deliverDueEmails(db: Kysely<DB>, transport: MailTransport, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0, expired: 0, released: 0 };
  const concurrency = Math.max(1, options.concurrency ?? transport.concurrency ?? 1);
  const batchSize = options.batchSize ?? Math.max(20, concurrency * 10);
  const maxMessages = options.maxMessages ?? batchSize * 10;
  const redact = transport.kind === "smtp";
  const bodies = new Map<number, Promise<OutboxBody>>();

  function record(message: OutboxMessage, values: Updateable<OutboxTable>) {
    return db.updateTable("outbox").set(values).where("id", "=", message.id).execute();
  }

  function redacted(message: Pick<OutboxMessage, "sensitive">, note: string): Updateable<OutboxTable> {
    if (!redact) return {};
    return message.sensitive ? { ...SENDING_DETAILS_DROPPED, ...redactedFields(note) } : SENDING_DETAILS_DROPPED;
  }

  async function expire(message: OutboxMessage, attempts: number, lastError: string) {
    const at = now().toISOString();
    await record(message, {
      status: "failed",
      attempts,
      failure_kind: "expired",
      failed_at: at,
      last_error: lastError,
      locked_until: null,
      ...redacted(message, REDACTED_AFTER_FAILURE),
    });
    result.expired += 1;
  }

  async function failPermanently(message: OutboxMessage, attempts: number, code: number, response: string) {
    const values: Updateable<OutboxTable> = {
      status: "failed",
      attempts,
      failure_kind: "permanent",
      failure_code: code,
      failed_at: now().toISOString(),
      last_error: response.slice(0, 2000),
      locked_until: null,
      ...redacted(message, REDACTED_AFTER_FAILURE),
    };
    const handlers = options.onPermanentFailure ?? [];
    if (handlers.length === 0) {
      await record(message, values);
    } else {
      try {
        await db.transaction().execute(async (trx) => {
          const row = await trx.updateTable("outbox").set(values).where("id", "=", message.id).returningAll().executeTakeFirstOrThrow();
          for (const handler of handlers) await handler(trx, row);
        });
      } catch (error) {
        logger.error({ messageId: message.message_id, err: error }, "permanent-failure handler failed; recording the failure without it");
        await record(message, values);
      }
    }
    result.failed += 1;
    logger.warn({ messageId: message.message_id, code, err: response }, "email refused for good");
  }

  async function deliver(message: OutboxMessage) {
    const attempts = message.attempts + 1;
    if (message.expires_at !== null && message.expires_at <= now().toISOString()) {
      return expire(message, message.attempts, `Not sent: it expired at ${message.expires_at} before it could be delivered`);
    }
    try {
      await transport.send(await outgoing(message));
    } catch (error) {
      const lastError = error instanceof Error ? error.message : String(error);
      const code = smtpResponseCode(error);
      if (code !== undefined && code >= 500) {
        const response = (error as { response?: unknown }).response;
        return failPermanently(message, attempts, code, typeof response === "string" ? response : lastError);
      }
      const retryAt = new Date(now().getTime() + retryDelayMs(attempts)).toISOString();
      if (message.expires_at !== null && retryAt > message.expires_at) {
        return expire(message, attempts, `Not sent: the next try would be after it expires at ${message.expires_at} (${lastError})`.slice(0, 2000));
      }
      const giveUp = attempts >= MAX_DELIVERY_ATTEMPTS;
      const at = now().toISOString();
      await record(message, {
        status: giveUp ? "failed" : "pending",
        attempts,
        last_error: lastError.slice(0, 2000),
        locked_until: null,
        next_attempt_at: retryAt,
        ...(giveUp ? { failure_kind: "exhausted", failed_at: at, ...redacted(message, REDACTED_AFTER_FAILURE) } : {}),
      });
      if (giveUp) result.failed += 1;
      else result.retrying += 1;
      logger.warn({ messageId: message.message_id, attempts, giveUp, err: lastError }, "email delivery failed");
      return;
    }
    markSent(message);
  }

  // Sent messages are recorded a few at a time (as many as are in flight, or after SENT_FLUSH_MS), in
  // one short transaction: a commit per message was most of the worker's cost beyond sending. If the
  // process dies before the write, those messages go again after their lease, with the same Message-ID.
  const unrecorded: OutboxMessage[] = [];
  const writes = new Set<Promise<void>>();
  let flushTimer: NodeJS.Timeout | undefined;
  let writeError: unknown;
  function markSent(message: OutboxMessage) {
    unrecorded.push(message);
    if (unrecorded.length >= concurrency) flushSent();
    else flushTimer ??= setTimeout(flushSent, SENT_FLUSH_MS);
  }
  function flushSent() {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    const messages = unrecorded.splice(0);
    if (messages.length === 0) return;
    const write = recordSent(messages)
      .catch((error: unknown) => {
        writeError ??= error;
      })
      .finally(() => writes.delete(write));
    writes.add(write);
  }
  async function recordSent(messages: OutboxMessage[]) {
    const values = {
      status: "sent" as const,
      attempts: sql<number>`attempts + 1`,
      sent_at: now().toISOString(),
      locked_until: null,
      last_error: null,
      delivered_via: transport.kind,
    };
    // Sensitive and other messages lose different parts (see redacted): one update for each kind.
    await db.transaction().execute(async (trx) => {
      for (const sensitive of [0, 1] as const) {
        const ids = messages.filter((m) => Number(m.sensitive) === sensitive).map((m) => m.id);
        if (ids.length) await trx.updateTable("outbox").set({ ...values, ...redacted({ sensitive }, REDACTED_AFTER_DELIVERY) }).where("id", "in", ids).execute();
      }
    });
    result.sent += messages.length;
  }

  async function outgoing(message: OutboxMessage): Promise<OutgoingEmail> {
    const { html, text } = await messageContent(db, message, bodies);
    return {
      messageId: message.message_id,
      from: message.from_address,
      to: message.to_address,
      replyTo: message.reply_to ?? undefined,
      subject: message.subject,
      html,
      text,
      // RFC 3834: no out-of-office or other automatic reply should answer an email the portal sent by itself.
      headers: { "Auto-Submitted": "auto-generated", ...headerValues.parse(JSON.parse(message.headers_json)) },
      date: new Date(message.created_at),
      attachments: readAttachments(message.attachments_json),
    };
  }

  // Each lane takes the next message as soon as its last one is done, so `concurrency` stay in flight;
  // the next batch is leased while the last few of this one are still going.
  const queue: OutboxMessage[] = [];
  let leased = 0;
  let drained = false;
  let claiming: Promise<void> | undefined;
  let claimError: unknown;
  function claimMore(): Promise<void> {
    claiming ??= claimDueMessages(db, Math.min(batchSize, maxMessages - leased))
      .then((rows) => {
        queue.push(...rows);
        leased += rows.length;
        if (rows.length === 0 || leased >= maxMessages) drained = true;
      })
      .catch((error: unknown) => {
        claimError = error;
        drained = true;
      })
      .finally(() => {
        claiming = undefined;
      });
    return claiming;
  }
  async function lane() {
    while (!options.signal?.aborted) {
      if (queue.length <= concurrency && !drained) void claimMore();
      const message = queue.shift();
      if (message) await deliver(message);
      else if (claiming) await claiming;
      else break;
    }
  }
  await claimMore();
  // Settled, not all: if one lane fails (the database), the others still finish what they hold.
  const lanes = await Promise.allSettled(Array.from({ length: concurrency }, lane));
  await claiming;
  flushSent();
  await Promise.all(writes);

  if (queue.length > 0) {
    await releaseLeases(
      db,
      "outbox",
      queue.map((m) => m.id),
    );
    result.released = queue.length;
  }
  const laneError = lanes.find((outcome) => outcome.status === "rejected")?.reason as unknown;
  for (const error of [laneError, claimError, writeError]) if (error) throw error;
  return result;
}
