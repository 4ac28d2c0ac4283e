import { db } from "~/db.server";
import { defineJob } from "~/jobs/define.server";
import { queueBulletin, queueJobPayload } from "./sending.server";

/** Queues a bulletin's copies, when sent now or when its scheduled time comes (app/bulletin/sending.server.ts). */
export const bulletinQueueJob = defineJob({
  name: "bulletin.queue",
  schema: queueJobPayload,
  async handler(payload) {
    await queueBulletin(db(), payload);
  },
});
