import type { z } from "zod";
import { emailAddressField } from "./email-address";
import { preferencesSchema, profileSchema } from "./profile-schema";

/**
 * The joining form: the profile and email preferences a member can later change, plus the address.
 * Checked in the browser as the joiner types and again on the server.
 */
export const joinSchema = profileSchema.extend({
  email: emailAddressField,
  ...preferencesSchema.shape,
});

export type JoinInput = z.infer<typeof joinSchema>;
