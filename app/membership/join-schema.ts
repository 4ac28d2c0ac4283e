import { z } from "zod";
import { emailAddressField } from "./email-address";
import { optionValues, REGIONS, WORKSPACE_INTERESTS } from "./profile-options";
import { preferencesSchema, profileSchema } from "./profile-schema";

/**
 * The joining form: the profile and email preferences a member can later change, plus the address.
 * Checked in the browser as the joiner types and again on the server.
 */
export const joinSchema = profileSchema.extend({
  email: emailAddressField,
  // The joining form names the region as NHS England does.
  region: z.enum(optionValues(REGIONS), { error: "Select your NHS England region" }),
  // Checked as a whole so the message belongs to the group (and its error summary link), not to one box.
  workspaceInterests: z
    .array(z.string())
    .refine((chosen) => chosen.every((slug) => WORKSPACE_INTERESTS.some((option) => option.value === slug)), "Select workspaces from the list")
    .optional(),
  ...preferencesSchema.shape,
});

export type JoinInput = z.infer<typeof joinSchema>;
