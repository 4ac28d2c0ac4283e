import { defineFeature } from "~/feature";
import { mailPersonalData } from "./personal-data.server";

export const mailFeature = defineFeature({ name: "mail", personalData: mailPersonalData });
