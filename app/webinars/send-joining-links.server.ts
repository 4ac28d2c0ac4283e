import { z } from "zod";
import { takeRateLimit } from "~/auth/rate-limits.server";
import { defineJob } from "~/jobs/define.server";
import { queueJoiningLink } from "./places.server";
import { findWebinar, hasEnded, joiningLinksDue, registrantIn, registrationsWithRegistrant } from "./webinar-records.server";
import { writeTransaction } from "./write-transaction.server";

/** Links queued per transaction: keeps each hold on the write lock short for a large webinar. */
const BATCH = 100;

/**
 * The 10:00 job: emails a personal joining link to every approved registrant who has not had one,
 * if links are due now (from the send time on the day until the end; never for a cancelled webinar).
 * Each link is recorded as sent in the transaction that queues it, so running this again, after a
 * restart or a retry, sends only what is missing. Returns how many it queued.
 */
export async function sendDueJoiningLinks(webinarId: number): Promise<number> {
  let total = 0;
  for (;;) {
    const queued = await writeTransaction(async (trx) => {
      const webinar = await findWebinar(webinarId, trx);
      if (!webinar || !joiningLinksDue(webinar)) return 0;
      const due = await registrationsWithRegistrant(trx, webinarId)
        .where("webinar_registrations.status", "=", "approved")
        .where("webinar_registrations.links_sent_at", "is", null)
        .where("users.status", "=", "active")
        .orderBy("webinar_registrations.id")
        .limit(BATCH)
        .execute();
      for (const registration of due) {
        await queueJoiningLink(trx, webinar, registration, registrantIn(registration));
      }
      return due.length;
    });
    total += queued;
    if (queued < BATCH) return total;
  }
}

/**
 * The durable job behind the 10:00 links: one per webinar and start time, scheduled when the webinar is
 * created or moved (a moved webinar's old job finds nothing due). Safe to run again: see above.
 */
export const sendJoiningLinksJob = defineJob({
  name: "webinars.joining-links",
  schema: z.object({ webinarId: z.number().int().positive() }),
  async handler({ webinarId }) {
    await sendDueJoiningLinks(webinarId);
  },
});

/** One joining-links job per webinar and start time. */
export function joiningLinksJobKey(webinarId: number, startsAt: string): string {
  return `webinar-links:${webinarId}:${startsAt}`;
}

export const RESENDS_PER_HOUR = 3;

export type ResendResult = { ok: true } | { ok: false; reason: "not-approved" | "not-yet" | "ended" } | { ok: false; reason: "rate-limited"; retryAfterMs: number };

/**
 * "Send my joining link again", from the webinar page: a new link for an approved registrant, once
 * links are due. Earlier links keep working. Limited to a few an hour per person and webinar.
 */
export async function resendJoiningLink(userId: number, webinarId: number): Promise<ResendResult> {
  const webinar = await findWebinar(webinarId);
  if (!webinar) return { ok: false, reason: "not-approved" };
  if (webinar.cancelled_at) return { ok: false, reason: "not-approved" };
  if (hasEnded(webinar)) return { ok: false, reason: "ended" };
  if (!joiningLinksDue(webinar)) return { ok: false, reason: "not-yet" };
  const limit = await takeRateLimit([{ bucket: `webinar-link:${webinarId}:user:${userId}`, limit: RESENDS_PER_HOUR, windowMs: 60 * 60_000 }]);
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterMs: limit.retryAfterMs };
  return writeTransaction(async (trx) => {
    const current = await findWebinar(webinarId, trx);
    const registration = await registrationsWithRegistrant(trx, webinarId)
      .where("webinar_registrations.user_id", "=", userId)
      .executeTakeFirst();
    if (!current || !registration || registration.status !== "approved") return { ok: false, reason: "not-approved" } as const;
    if (!joiningLinksDue(current)) return { ok: false, reason: "ended" } as const;
    await queueJoiningLink(trx, current, registration, registrantIn(registration));
    return { ok: true } as const;
  });
}
