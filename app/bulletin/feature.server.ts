import { defineFeature } from "~/feature";
import { bulletinAudit } from "./audit-actions.server";
import { seedDemoBulletins } from "./demo.server";
import { bulletinPersonalData } from "./personal-data.server";

export const bulletinFeature = defineFeature({
  name: "bulletin",
  audit: bulletinAudit,
  personalData: bulletinPersonalData,
  seedDemo: seedDemoBulletins,
});
