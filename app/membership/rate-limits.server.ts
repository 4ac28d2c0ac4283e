import { now } from "~/clock.server";
import { db } from "~/db.server";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Limits on requests that send a code by email (joining, signing in, sending a new code, changing
 * address), as sliding windows over `rate_limit_hits`:
 *
 * - 5 per address per 15 minutes and 20 per address per day: nobody needs more, and with at most
 *   5 guesses per code (see challenges) it caps guessing at about 100 codes a day for one address;
 * - 100 per client address per 15 minutes: generous because an NHS trust's staff often reach the
 *   internet through one shared address, yet it stops one machine mailing addresses in bulk.
 *
 * A refused request is not counted, so waiting always helps.
 */
export const EMAIL_REQUEST_LIMITS = [
  { key: "address", limit: 5, windowMs: 15 * MINUTE },
  { key: "address", limit: 20, windowMs: DAY },
  { key: "ip", limit: 100, windowMs: 15 * MINUTE },
] as const;

const LONGEST_WINDOW_MS = Math.max(...EMAIL_REQUEST_LIMITS.map((rule) => rule.windowMs));

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Counts a request to email `address` from `ip`, unless a limit is already reached. */
export async function allowEmailRequest(request: { address: string; ip: string }): Promise<RateLimitResult> {
  const at = now();
  const buckets = { address: `email-request:address:${request.address}`, ip: `email-request:ip:${request.ip}` };
  return db().transaction().execute(async (trx) => {
    // Opportunistic pruning keeps the table to about a day of hits without a scheduled job.
    await trx
      .deleteFrom("rate_limit_hits")
      .where("at", "<", new Date(at.getTime() - LONGEST_WINDOW_MS).toISOString())
      .execute();

    let retryAfterMs = 0;
    for (const rule of EMAIL_REQUEST_LIMITS) {
      const windowStart = new Date(at.getTime() - rule.windowMs).toISOString();
      const hits = await trx
        .selectFrom("rate_limit_hits")
        .select("at")
        .where("bucket", "=", buckets[rule.key])
        .where("at", ">", windowStart)
        .orderBy("at", "asc")
        .execute();
      if (hits.length >= rule.limit) {
        // The window reopens when enough of the oldest hits have aged out of it.
        const freeingHit = hits[hits.length - rule.limit]!;
        retryAfterMs = Math.max(retryAfterMs, new Date(freeingHit.at).getTime() + rule.windowMs - at.getTime());
      }
    }
    if (retryAfterMs > 0) return { allowed: false, retryAfterMs };

    const atIso = at.toISOString();
    await trx
      .insertInto("rate_limit_hits")
      .values([
        { bucket: buckets.address, at: atIso },
        { bucket: buckets.ip, at: atIso },
      ])
      .execute();
    return { allowed: true };
  });
}

/** "Try again in 12 minutes." – for the form error shown when a limit is reached. */
export function rateLimitMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / MINUTE));
  const wait =
    minutes < 120 ? `${minutes} ${minutes === 1 ? "minute" : "minutes"}` : `${Math.ceil(minutes / 60)} hours`;
  return `You have asked for too many emails in a short time. Try again in ${wait}.`;
}
