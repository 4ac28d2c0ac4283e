import { defineFeature } from "~/feature";
import { webinarsAudit } from "./audit-actions.server";
import { seedDemoWebinars } from "./demo.server";
import { webinarsPersonalData } from "./personal-data.server";

export const webinarsFeature = defineFeature({
  name: "webinars",
  audit: webinarsAudit,
  personalData: webinarsPersonalData,
  seedDemo: seedDemoWebinars,
});
