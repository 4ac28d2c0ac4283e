import type { Kysely } from "kysely";
import type { DB, OutboxMessage } from "#db/schema";
import { now } from "~/clock.server";
import { leaseDueRows, releaseLeases, retryDelayMs } from "~/jobs/lease.server";
import { logger } from "~/logger.server";
import type { MailTransport } from "./transport.server";

export const MAX_DELIVERY_ATTEMPTS = 8;
/** How long a worker may hold a message; after a crash, another pass picks it up after this. */
const LEASE_MS = 2 * 60_000;


export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
  released: number;
}

/** Due messages not held by another worker, oldest first. */
function claimDueMessages(db: Kysely<DB>, limit: number): Promise<OutboxMessage[]> {
  return leaseDueRows(db, "outbox", LEASE_MS, async (trx, nowIso) => {
    const due = await trx
      .selectFrom("outbox")
      .select("id")
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", nowIso)
      .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", nowIso)]))
      .orderBy("id")
      .limit(limit)
      .execute();
    return due.map((row) => row.id);
  });
}

/**
 * Delivers due messages, oldest first. Each outcome is recorded as soon as it is known; when `signal`
 * aborts, the message in flight finishes and the rest of the batch is released for the next pass.
 */
export async function deliverDueEmails(
  db: Kysely<DB>,
  transport: MailTransport,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0, released: 0 };
  const batch = await claimDueMessages(db, options.batchSize ?? 20);
  for (const [index, message] of batch.entries()) {
    if (options.signal?.aborted) {
      const rest = batch.slice(index).map((m) => m.id);
      await releaseLeases(db, "outbox", rest);
      result.released = rest.length;
      break;
    }
    const attempts = message.attempts + 1;
    try {
      await transport.send(message);
      await db
        .updateTable("outbox")
        .set({ status: "sent", attempts, sent_at: now().toISOString(), locked_until: null, last_error: null, delivered_via: transport.kind })
        .where("id", "=", message.id)
        .execute();
      result.sent += 1;
    } catch (error) {
      const lastError = error instanceof Error ? error.message : String(error);
      const giveUp = attempts >= MAX_DELIVERY_ATTEMPTS;
      await db
        .updateTable("outbox")
        .set({
          status: giveUp ? "failed" : "pending",
          attempts,
          last_error: lastError.slice(0, 2000),
          locked_until: null,
          next_attempt_at: new Date(now().getTime() + retryDelayMs(attempts)).toISOString(),
        })
        .where("id", "=", message.id)
        .execute();
      if (giveUp) result.failed += 1;
      else result.retrying += 1;
      logger.warn({ messageId: message.message_id, attempts, giveUp, err: lastError }, "email delivery failed");
    }
  }
  return result;
}
