import { defineFeature } from "~/feature";
import { privacyAudit } from "./audit-actions.server";

export const privacyFeature = defineFeature({ name: "privacy", audit: privacyAudit });
