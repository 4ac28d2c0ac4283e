import { z } from "zod";
import { dailyAtUkTime, defineJob } from "~/jobs/define.server";
import { sendDailyDigests } from "./digest.server";

/** The daily digest of new threads, at 7am UK time: before most link workers start their day. */
export const workspaceDigestJob = defineJob({
  name: "workspaces.daily-digest",
  schema: z.object({}),
  repeat: dailyAtUkTime(7),
  async handler() {
    await sendDailyDigests();
  },
});
