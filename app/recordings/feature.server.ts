import { defineFeature } from "~/feature";
import { recordingsAudit } from "./audit-actions.server";
import { seedDemoRecordings } from "./demo.server";
import { recordingsPersonalData } from "./personal-data.server";

export const recordingsFeature = defineFeature({
  name: "recordings",
  audit: recordingsAudit,
  personalData: recordingsPersonalData,
  seedDemo: seedDemoRecordings,
});
