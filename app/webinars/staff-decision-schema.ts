import { z } from "zod";

/** The bulk decision form on a webinar's staff page (shared by browser and server). */
export const decisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve-all") }),
  z.object({
    intent: z.enum(["approve", "decline"]),
    registration: z
      .array(z.coerce.number().int().positive(), { error: "Select at least one registration" })
      .min(1, "Select at least one registration")
      .max(5000),
    reason: z.string().trim().max(1000, "The reason must be 1,000 characters or fewer").optional(),
  }),
]);
