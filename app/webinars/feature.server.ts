import { defineFeature } from "~/feature";
import { webinarsAudit } from "./audit-actions.server";
import { announcementJob } from "./announce-webinar.server";
import { seedDemoWebinars } from "./demo.server";
import { seriesTopUpJob } from "./manage-webinars.server";
import { webinarsPersonalData } from "./personal-data.server";
import { sendJoiningLinksJob } from "./send-joining-links.server";

export const webinarsFeature = defineFeature({
  name: "webinars",
  audit: webinarsAudit,
  personalData: webinarsPersonalData,
  jobs: [sendJoiningLinksJob, announcementJob, seriesTopUpJob],
  seedDemo: seedDemoWebinars,
});
