import { takeRateLimit, type RateLimitResult } from "~/auth/rate-limits.server";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Limits on requests that send a code by email (joining, signing in, sending a new code, changing
 * address):
 *
 * - 5 per address per 15 minutes and 20 per address per day: nobody needs more, and with at most
 *   5 guesses per code (see challenges) it caps guessing at about 100 codes a day for one address;
 * - 100 per client address per 15 minutes: generous because an NHS trust's staff often reach the
 *   internet through one shared address, yet it stops one machine mailing addresses in bulk.
 */
export const EMAIL_REQUEST_LIMITS = [
  { key: "address", limit: 5, windowMs: 15 * MINUTE },
  { key: "address", limit: 20, windowMs: DAY },
  { key: "ip", limit: 100, windowMs: 15 * MINUTE },
] as const;

/**
 * Code checks per client address: each code allows 5 guesses (see challenges), but one machine could
 * still ask for many codes and guess at all of them. 50 in 15 minutes is far more than people typing
 * the codes they were sent need, even behind a trust's shared address.
 */
export const CODE_CHECK_LIMIT = { limit: 50, windowMs: 15 * MINUTE } as const;

/** Counts a code check from `ip` (bucket "code-check:ip:<ip>"), unless the ceiling is reached. */
export function allowCodeCheck(ip: string): Promise<RateLimitResult> {
  return takeRateLimit([{ bucket: `code-check:ip:${ip}`, ...CODE_CHECK_LIMIT }]);
}

/** Counts a request to email `address` from `ip` (buckets "email-request:address:<email>" and "email-request:ip:<ip>"), unless a limit is reached. */
export function allowEmailRequest(request: { address: string; ip: string }): Promise<RateLimitResult> {
  const buckets = { address: `email-request:address:${request.address}`, ip: `email-request:ip:${request.ip}` };
  return takeRateLimit(EMAIL_REQUEST_LIMITS.map((rule) => ({ bucket: buckets[rule.key], limit: rule.limit, windowMs: rule.windowMs })));
}
