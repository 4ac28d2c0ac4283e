import { now } from "~/clock.server";
import { db } from "~/db.server";

/**
 * Sliding-window rate limits over `rate_limit_hits`, for anything that sends email or can be
 * abused in bulk. A bucket names what is limited; buckets about a person end in their address
 * (`…:address:<email>`) or their id (`…:user:<id>`), so leaving the network can delete them.
 */
export interface RateLimitRule {
  bucket: string;
  limit: number;
  windowMs: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterMs: number };

const DAY = 24 * 60 * 60_000;

/**
 * Counts one hit in every rule's bucket, unless any rule's limit is already reached. A refused
 * request is not counted, so waiting always helps. Windows longer than a day are not supported
 * (hits older than a day are pruned).
 */
export async function takeRateLimit(rules: readonly RateLimitRule[]): Promise<RateLimitResult> {
  const at = now();
  return db()
    .transaction()
    .execute(async (trx) => {
      // Opportunistic pruning keeps the table to about a day of hits without a scheduled job.
      await trx
        .deleteFrom("rate_limit_hits")
        .where("at", "<", new Date(at.getTime() - DAY).toISOString())
        .execute();

      let retryAfterMs = 0;
      for (const rule of rules) {
        const windowStart = new Date(at.getTime() - rule.windowMs).toISOString();
        const hits = await trx
          .selectFrom("rate_limit_hits")
          .select("at")
          .where("bucket", "=", rule.bucket)
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
      const buckets = [...new Set(rules.map((rule) => rule.bucket))];
      await trx
        .insertInto("rate_limit_hits")
        .values(buckets.map((bucket) => ({ bucket, at: atIso })))
        .execute();
      return { allowed: true };
    });
}

/** "Try again in 12 minutes." – for the form error shown when a limit is reached. */
export function rateLimitMessage(retryAfterMs: number, what = "You have asked for too many emails in a short time."): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const wait = minutes < 120 ? `${minutes} ${minutes === 1 ? "minute" : "minutes"}` : `${Math.ceil(minutes / 60)} hours`;
  return `${what} Try again in ${wait}.`;
}
