import { z } from "zod";
import { emailAddressField } from "./email-address";
import { JOB_ROLES, REGIONS, WORKSPACE_INTERESTS } from "./profile-options";

/** The joining form, checked in the browser as the member types and again on the server. */

const values = <T extends ReadonlyArray<{ value: string }>>(options: T) =>
  options.map((option) => option.value) as [T[number]["value"], ...Array<T[number]["value"]>];

export const joinSchema = z.object({
  fullName: z
    .string({ error: "Enter your full name" })
    .trim()
    .min(1, "Enter your full name")
    .max(100, "Full name must be 100 characters or fewer"),
  email: emailAddressField,
  organisation: z
    .string({ error: "Enter the name of your organisation" })
    .trim()
    .min(1, "Enter the name of your organisation")
    .max(150, "Organisation must be 150 characters or fewer"),
  jobRole: z.enum(values(JOB_ROLES), { error: "Select your job role" }),
  region: z.enum(values(REGIONS), { error: "Select your NHS England region" }),
  icbPcn: z.string().trim().max(150, "ICB or PCN must be 150 characters or fewer").optional(),
  // Checked as a whole so the message belongs to the group (and its error summary link), not to one box.
  workspaceInterests: z
    .array(z.string())
    .refine((chosen) => chosen.every((slug) => WORKSPACE_INTERESTS.some((option) => option.value === slug)), "Select workspaces from the list")
    .optional(),
  bulletin: z.boolean().optional(),
  events: z.boolean().optional(),
});

export type JoinInput = z.infer<typeof joinSchema>;
