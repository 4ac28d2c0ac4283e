import { defineFeature } from "~/feature";
import { auditPersonalData } from "./personal-data.server";

export const auditFeature = defineFeature({ name: "audit", personalData: auditPersonalData });
