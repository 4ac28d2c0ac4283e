import { defineFeature } from "~/feature";
import { authAudit } from "./audit-actions.server";
import { authPersonalData } from "./personal-data.server";

export const authFeature = defineFeature({ name: "auth", audit: authAudit, personalData: authPersonalData });
