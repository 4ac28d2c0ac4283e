import { db } from "~/db.server";
import type { JobHandlers } from "~/jobs/jobs.server";
import { BULLETIN_QUEUE_JOB, queueBulletin, queueJobPayload } from "./sending.server";

/** The bulletin's background work: queueing a bulletin's copies when sent now or when its scheduled time comes. */
export const bulletinJobHandlers: JobHandlers = {
  [BULLETIN_QUEUE_JOB]: async (payload) => {
    await queueBulletin(db(), queueJobPayload.parse(payload));
  },
};
