import { z } from "zod";

/** The bulletin's forms, checked in the browser as staff type and again on the server. */

export const bulletinSchema = z.object({
  subject: z
    .string({ error: "Enter the subject" })
    .trim()
    .min(1, "Enter the subject")
    .max(150, "Subject must be 150 characters or fewer"),
  preheader: z.string().trim().max(150, "Preview text must be 150 characters or fewer").optional(),
  body: z
    .string({ error: "Enter the bulletin's text" })
    .trim()
    .min(1, "Enter the bulletin's text")
    .max(50_000, "The bulletin's text must be 50,000 characters or fewer"),
});

export type BulletinInput = z.infer<typeof bulletinSchema>;

export const scheduleSchema = z.object({
  date: z
    .string({ error: "Enter the date to send it" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date to send it, for example 15 01 2027"),
  time: z
    .string({ error: "Enter the time to send it" })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the time to send it, for example 09:30"),
});

export type ScheduleInput = z.infer<typeof scheduleSchema>;
