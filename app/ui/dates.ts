import { TZDate } from "@date-fns/tz";

/** All times are stored in UTC and shown in UK time (GMT or BST as the date requires). */
export const UK_TIME_ZONE = "Europe/London";

export function toUkTime(at: Date | string): TZDate {
  return new TZDate(new Date(at).getTime(), UK_TIME_ZONE);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * The UK wall-clock parts of an instant, as numbers, for the formats below: lists show dozens of dates, and
 * these cost a fraction of a zoned date and a date-fns format pattern each (bench/pages.ts).
 */
function partsOf(at: Date | string) {
  const ms = new Date(at).getTime();
  const local = new Date(ms + ukOffset(ms));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const HOUR = 3_600_000;
const ukParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: UK_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});
const offsets = new Map<number, number>();

/**
 * How far UK time is ahead of UTC at an instant, asked of Intl once per UTC hour: the UK's clocks change on
 * the hour (01:00 UTC), so every instant of an hour shares its offset. Lists show dozens of dates, and a
 * formatter call for each was a tenth of the members list's time (bench/pages.ts).
 */
function ukOffset(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const parts: Record<string, number> = {};
    for (const part of ukParts.formatToParts(new Date(hour * HOUR))) {
      if (part.type !== "literal") parts[part.type] = Number(part.value);
    }
    offset = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute) - hour * HOUR;
    if (offsets.size >= 10_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** e.g. "25 November 2026 at 10:00am" */
export function formatUkDateTime(at: Date | string): string {
  const { year, month, day, hour, minute } = partsOf(at);
  return `${day} ${MONTHS[month - 1]} ${year} at ${hour % 12 || 12}:${twoDigits(minute)}${hour < 12 ? "am" : "pm"}`;
}

/** e.g. "25 November 2026", for tables */
export function formatUkDay(at: Date | string): string {
  const { year, month, day } = partsOf(at);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The UK calendar date of an instant, "YYYY-MM-DD" (as date inputs take it). */
export function ukDate(at: Date | string): string {
  const { year, month, day } = partsOf(at);
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** The UK time of day of an instant, "HH:MM" (24-hour, as staff type it). */
export function ukTimeOfDay(at: Date | string): string {
  const { hour, minute } = partsOf(at);
  return `${twoDigits(hour)}:${twoDigits(minute)}`;
}

/** The error by a time field when `fromUkLocal` refuses a time that exists on no UK clock. */
export const CLOCKS_GO_FORWARD = "That time does not exist on that day in the UK, because the clocks go forward. Choose another time";

/**
 * The instant a UK date ("YYYY-MM-DD") and time ("HH:MM") name, or null when the clocks skip that
 * time (01:00 to 01:59 on the day they go forward). An hour that happens twice when they go back
 * is read as the later one (GMT).
 */
export function fromUkLocal(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hours, minutes] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  const local = new TZDate(year, month - 1, day, hours, minutes, UK_TIME_ZONE);
  // A time that does not exist comes back moved on by the clock change; so does 31 February.
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== day) return null;
  if (local.getHours() !== hours || local.getMinutes() !== minutes) return null;
  return new Date(local.getTime());
}

/**
 * The instant of a UK date and time, never failing: a time the clocks skip comes out an hour later
 * (01:30 on the day they go forward is 02:30 BST). For occurrences a series generates by itself,
 * where nobody is there to choose another time.
 */
export function ukLocalInstant(date: string, time: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, UK_TIME_ZONE).getTime());
}
