import { defineFeature } from "~/feature";
import { membershipAudit } from "./audit-actions.server";
import { seedDemoMembers } from "./demo-members.server";
import { membershipPersonalData } from "./personal-data.server";

export const membershipFeature = defineFeature({
  name: "membership",
  audit: membershipAudit,
  personalData: membershipPersonalData,
  seedDemo: seedDemoMembers,
});
