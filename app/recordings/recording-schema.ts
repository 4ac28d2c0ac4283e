import { z } from "zod";
import { plainText } from "~/lib/plain-text";
import { parseDuration } from "./durations";
import { THEMES } from "./themes";

/**
 * The staff form for a recording's details; shared by the browser and the server. Free text is
 * cleaned of control and bidi characters (plainText) before any other check, as members will read it.
 */

const themeValues = THEMES.map((theme) => theme.value) as [string, ...string[]];

export const recordingSchema = z.object({
  webinarId: z.coerce.number({ error: "Select the webinar this is a recording of" }).int().positive("Select the webinar this is a recording of"),
  title: plainText({ error: "Enter a title" })
    .trim()
    .min(1, "Enter a title")
    .max(200, "Title must be 200 characters or fewer"),
  description: plainText({ error: "Enter a description", multiline: true })
    .trim()
    .min(1, "Enter a description")
    .max(5000, "Description must be 5,000 characters or fewer"),
  speakers: plainText().trim().max(500, "Speakers must be 500 characters or fewer").default(""),
  themes: z
    .array(z.enum(themeValues, { error: "Select themes from the list" }), { error: "Select at least one theme" })
    .min(1, "Select at least one theme"),
  duration: z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || parseDuration(value) !== undefined, "Enter the length like 58:30 or 1:02:05"),
  externalUrl: plainText()
    .trim()
    .max(500, "Address must be 500 characters or fewer")
    .optional()
    .refine((value) => !value || /^https:\/\/[^\s]+$/.test(value), "Enter an address starting with https://"),
});

export type RecordingInput = z.infer<typeof recordingSchema>;

export const slidesSummarySchema = plainText({ error: "Enter a short summary of the slides", multiline: true })
  .trim()
  .min(1, "Enter a short summary of the slides")
  .max(2000, "Summary must be 2,000 characters or fewer");
