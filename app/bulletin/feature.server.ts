import { defineFeature } from "~/feature";
import { bulletinAudit } from "./audit-actions.server";
import { recordPermanentFailure } from "./bounces.server";
import { seedDemoBulletins } from "./demo.server";
import { bulletinQueueJob } from "./jobs.server";
import { bulletinPersonalData } from "./personal-data.server";

export const bulletinFeature = defineFeature({
  name: "bulletin",
  audit: bulletinAudit,
  personalData: bulletinPersonalData,
  jobs: [bulletinQueueJob],
  async onPermanentEmailFailure(trx, message) {
    await recordPermanentFailure(trx, message);
  },
  seedDemo: seedDemoBulletins,
});
