import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "#db/schema";
import { scheduleJob } from "~/jobs/jobs.server";

/**
 * The webinars' durable background jobs: their names and payloads. The handlers are in
 * job-handlers.server.ts (they need the domain modules, which schedule these jobs).
 */
export const WEBINAR_JOBS = {
  /** Sends the joining links that are due for one webinar (10:00 UK time on the day). */
  joiningLinks: { name: "webinar-joining-links", schema: z.object({ webinarId: z.number().int().positive() }) },
  /** Emails members who asked for event emails that a webinar or series is open for registration. */
  announcement: { name: "webinar-announcement", schema: z.object({ key: z.string().min(1) }) },
  /** Keeps each running series listed some occurrences ahead; runs daily and schedules its next run. */
  seriesTopUp: { name: "webinar-series-top-up", schema: z.object({}) },
} as const;

type WebinarJob = (typeof WEBINAR_JOBS)[keyof typeof WEBINAR_JOBS];

/**
 * Schedules one of the jobs above in the transaction of the change that needs it. A unique key makes
 * scheduling idempotent: the same key twice keeps the first job.
 */
export async function scheduleWebinarJob<Job extends WebinarJob>(
  trx: Kysely<DB>,
  job: Job,
  payload: z.input<Job["schema"]>,
  options: { runAt: Date; uniqueKey: string },
): Promise<void> {
  await scheduleJob(trx, { kind: job.name, payload: job.schema.parse(payload), runAt: options.runAt, uniqueKey: options.uniqueKey });
}

/** One joining-links job per webinar and start time: moving the webinar schedules a new one. */
export function joiningLinksJobKey(webinarId: number, startsAt: string): string {
  return `webinar-links:${webinarId}:${startsAt}`;
}
