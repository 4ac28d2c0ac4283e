import type { JobHandlers } from "~/jobs/jobs.server";
import { runAnnouncement } from "./announce-webinar.server";
import { WEBINAR_JOBS } from "./jobs.server";
import { topUpAllSeries } from "./manage-webinars.server";
import { sendDueJoiningLinks } from "./send-joining-links.server";

/**
 * The webinars' job handlers by name, for the worker (app/jobs/handlers.server.ts). Each checks its
 * payload with the job's schema first. Every handler can run twice without harm: what it has done is
 * recorded as it goes (links sent, announcement progress, occurrences listed).
 */
export const webinarJobHandlers: JobHandlers = {
  [WEBINAR_JOBS.joiningLinks.name]: async (payload) => {
    await sendDueJoiningLinks(WEBINAR_JOBS.joiningLinks.schema.parse(payload).webinarId);
  },
  [WEBINAR_JOBS.announcement.name]: async (payload) => {
    await runAnnouncement(WEBINAR_JOBS.announcement.schema.parse(payload).key);
  },
  [WEBINAR_JOBS.seriesTopUp.name]: async () => {
    await topUpAllSeries();
  },
};
