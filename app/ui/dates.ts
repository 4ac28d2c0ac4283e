import { TZDate } from "@date-fns/tz";

/** All times are stored in UTC and shown in UK time (GMT or BST as the date requires). */
export const UK_TIME_ZONE = "Europe/London";

export function toUkTime(at: Date | string): TZDate {
  return new TZDate(new Date(at).getTime(), UK_TIME_ZONE);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * The UK wall-clock parts of an instant. One formatter made once: lists show dozens of dates, and building
 * a zoned date and parsing a format pattern for each was a measurable share of a page (bench/workspaces.ts).
 * Only numbers are taken from Intl and the words are ours, so server and browser print the same text.
 */
const ukParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: UK_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h23",
});

function partsOf(at: Date | string) {
  const parts: Record<string, number> = {};
  for (const part of ukParts.formatToParts(new Date(at))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts as Record<"year" | "month" | "day" | "hour" | "minute", number>;
}

/** e.g. "25 November 2026 at 10:00am" */
export function formatUkDateTime(at: Date | string): string {
  const { year, month, day, hour, minute } = partsOf(at);
  return `${day} ${MONTHS[month - 1]} ${year} at ${hour % 12 || 12}:${String(minute).padStart(2, "0")}${hour < 12 ? "am" : "pm"}`;
}

/** e.g. "25 November 2026", for tables */
export function formatUkDay(at: Date | string): string {
  const { year, month, day } = partsOf(at);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
