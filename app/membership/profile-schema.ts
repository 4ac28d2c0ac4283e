import { z } from "zod";
import { plainText } from "~/lib/plain-text";
import { JOB_ROLES, optionValues, REGIONS, WORKSPACE_INTERESTS } from "./profile-options";

/** Validation for the account page's forms (the joining form extends it); shared by the browser (as you type) and the server. */

export const profileSchema = z.object({
  fullName: plainText({ error: "Enter your full name" })
    .trim()
    .min(1, "Enter your full name")
    .max(100, "Full name must be 100 characters or fewer"),
  organisation: plainText({ error: "Enter the name of your organisation" })
    .trim()
    .min(1, "Enter the name of your organisation")
    .max(150, "Organisation must be 150 characters or fewer"),
  jobRole: z.enum(optionValues(JOB_ROLES), { error: "Select your job role" }),
  region: z.enum(optionValues(REGIONS), { error: "Select your NHS England region" }),
  icbPcn: plainText().trim().max(150, "ICB or PCN must be 150 characters or fewer").optional(),
  // Checked as a whole so the message belongs to the group (and its error summary link), not to one box.
  workspaceInterests: z
    .array(z.string())
    .refine((chosen) => chosen.every((slug) => WORKSPACE_INTERESTS.some((option) => option.value === slug)), "Select workspaces from the list")
    .optional(),
});

export type ProfileInput = z.infer<typeof profileSchema>;

export const preferencesSchema = z.object({
  bulletin: z.boolean().optional(),
  events: z.boolean().optional(),
});

export type PreferencesInput = z.infer<typeof preferencesSchema>;
