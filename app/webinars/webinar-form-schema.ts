import { z } from "zod";
import { questionsFromLabels, type RegistrationQuestion } from "./questions";

/**
 * The staff forms for a webinar and a series (shared by browser and server). Dates and times are
 * typed in UK time; the server turns them into an instant and checks what only it can (that the
 * time exists on a clock-change day, that it is in the future).
 */

export const MAX_CAPACITY = 5000;

/** "13:00", "1pm", "1.30pm", "1:30 pm" → "13:00"; undefined when it is not a time. */
export function parseClockTime(value: string): string | undefined {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(value.trim());
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? "0");
  const half = match[3]?.toLowerCase();
  if (!half && match[2] === undefined) return undefined;
  if (half) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (half === "pm" ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** Day, month and year boxes → "YYYY-MM-DD", or the NHS-style message saying what is wrong. */
export function parseDateParts(day?: string, month?: string, year?: string): { date: string } | { error: string } {
  if (!day && !month && !year) return { error: "Enter the date" };
  const missing = [!day && "day", !month && "month", !year && "year"].filter(Boolean);
  if (missing.length) return { error: `Date must include a ${missing.join(" and ")}` };
  if (![day, month, year].every((part) => /^\d+$/.test(part ?? ""))) return { error: "Date must be a real date" };
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  if (y < 2000 || y > 2100) return { error: "Year must include 4 numbers, like 2027" };
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return { error: "Date must be a real date" };
  return { date: at.toISOString().slice(0, 10) };
}

const text = (name: string, max: number) =>
  z
    .string({ error: `Enter the ${name}` })
    .trim()
    .min(1, `Enter the ${name}`)
    .max(max, `${name[0]?.toUpperCase()}${name.slice(1)} must be ${max.toLocaleString("en-GB")} characters or fewer`);

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`)
    .optional()
    .transform((value) => value ?? "");

const question = optionalText("A question", 200);

/** Fields a webinar and a series share. */
const commonFields = {
  title: text("title", 120),
  description: text("description", 3000),
  speakers: optionalText("Speakers", 300),
  audience: optionalText("Who it is for", 300),
  capacity: z.coerce
    .number({ error: "Enter the number of places, like 300" })
    .int("Enter a whole number of places, like 300")
    .min(1, "There must be at least 1 place")
    .max(MAX_CAPACITY, `There can be at most ${MAX_CAPACITY.toLocaleString("en-GB")} places`),
  // Stored as the browser would send it (path percent-encoded, host in punycode): a link with "ł",
  // a curly quote or "…" pasted from a document must still fit in the Join answer's Refresh header.
  meetingUrl: z
    .string({ error: "Enter the Teams or Zoom meeting link" })
    .trim()
    .pipe(z.url({ protocol: /^https$/, error: "Enter the meeting link as it starts, with https://" }))
    .transform((value) => new URL(value).href),
  registrationOpen: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
  question1: question,
  question2: question,
  question3: question,
};

const whenFields = {
  day: z.string().optional(),
  month: z.string().optional(),
  year: z.string().optional(),
  startTime: z.string({ error: "Enter the start time, like 13:00 or 1pm" }),
  durationMinutes: z.coerce
    .number({ error: "Enter how long it lasts in minutes, like 60" })
    .int("Enter a whole number of minutes, like 60")
    .min(15, "A webinar lasts at least 15 minutes")
    .max(8 * 60, "A webinar lasts at most 8 hours (480 minutes)"),
};

export interface WebinarDetails {
  title: string;
  description: string;
  speakers: string;
  audience: string;
  capacity: number;
  meetingUrl: string;
  registrationOpen: boolean;
  questions: RegistrationQuestion[];
}

export interface WebinarTiming {
  /** UK date, YYYY-MM-DD. */
  date: string;
  /** UK time, HH:MM. */
  startTime: string;
  durationMinutes: number;
}

function withQuestions<T extends { question1: string; question2: string; question3: string }>(value: T) {
  const { question1, question2, question3, ...rest } = value;
  return { ...rest, questions: questionsFromLabels([question1, question2, question3]) };
}

type WhenInput = { day?: unknown; month?: unknown; year?: unknown; startTime?: unknown };
const asText = (value: unknown) => (typeof value === "string" && value ? value : undefined);

/**
 * The date and time errors, checked even when other fields have errors of their own, so staff see
 * every problem at once: zod skips an object's checks once a field has failed unless `when` says
 * otherwise. Only reads the raw text (other fields may not have parsed).
 */
const checkWhen = z.superRefine<WhenInput>(({ day, month, year, startTime }, ctx) => {
  const date = parseDateParts(asText(day), asText(month), asText(year));
  if ("error" in date) ctx.issues.push({ code: "custom", path: ["date"], message: date.error, input: ctx.value });
  if (typeof startTime === "string" && startTime && !parseClockTime(startTime)) {
    ctx.issues.push({ code: "custom", path: ["startTime"], message: "Enter the start time, like 13:00 or 1pm", input: ctx.value });
  }
}, { when: () => true });

/** The checked date and time, as "YYYY-MM-DD" and "HH:MM". */
function whenOf(value: { day?: string; month?: string; year?: string; startTime: string }): { date: string; startTime: string } {
  const date = parseDateParts(value.day, value.month, value.year);
  return { date: "date" in date ? date.date : "", startTime: parseClockTime(value.startTime) ?? "" };
}

/** Editing one webinar (or a series occurrence). */
export const webinarSchema = z
  .object({ ...commonFields, ...whenFields })
  .check(checkWhen)
  .transform((value): WebinarDetails & WebinarTiming => {
    const { day: _day, month: _month, year: _year, ...rest } = withQuestions(value);
    return { ...rest, ...whenOf(value) };
  });

/** Creating a webinar: one, or a series every 14 days starting on the date given. */
export const newWebinarSchema = z
  .object({ kind: z.enum(["single", "series"], { error: "Choose one webinar or a series" }), ...commonFields, ...whenFields })
  .check(checkWhen)
  .transform((value): WebinarDetails & WebinarTiming & { kind: "single" | "series" } => {
    const { day: _day, month: _month, year: _year, ...rest } = withQuestions(value);
    return { ...rest, ...whenOf(value) };
  });

/** A series' settings: used for occurrences added from now on, and optionally for upcoming ones. */
export const seriesSchema = z
  .object({
    ...commonFields,
    applyToUpcoming: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
  })
  .transform((value): WebinarDetails & { applyToUpcoming: boolean } => withQuestions(value));
