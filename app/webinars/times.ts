import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { toUkTime, UK_TIME_ZONE } from "~/ui/dates";

/**
 * Webinar times. Stored as UTC instants; shown and entered in UK time, which is GMT in winter and
 * BST in summer (the clocks change at 01:00 UTC on the last Sundays of March and October).
 * Browser-safe: pages, emails and the server all format the same way.
 */

/** "1pm", "1:30pm", "midday", "midnight" (NHS style). */
export function formatUkClock(at: Date | string): string {
  const time = toUkTime(at);
  const hours = time.getHours();
  const minutes = time.getMinutes();
  if (minutes === 0 && hours === 12) return "midday";
  if (minutes === 0 && hours === 0) return "midnight";
  return format(time, minutes === 0 ? "haaa" : "h:mmaaa");
}

/** "Wednesday 7 April 2027" */
export function formatUkLongDate(at: Date | string): string {
  return format(toUkTime(at), "EEEE d MMMM yyyy");
}

/** "Wednesday 7 April 2027, 1pm to 2pm" (both days named if it runs past midnight). */
export function formatWebinarWhen(startsAt: Date | string, endsAt: Date | string): string {
  const day = formatUkLongDate(startsAt);
  const endDay = formatUkLongDate(endsAt);
  const end = endDay === day ? formatUkClock(endsAt) : `${endDay}, ${formatUkClock(endsAt)}`;
  return `${day}, ${formatUkClock(startsAt)} to ${end}`;
}

/** "1 hour", "1 hour 30 minutes", "45 minutes" */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours) parts.push(`${hours} ${hours === 1 ? "hour" : "hours"}`);
  if (rest || !hours) parts.push(`${rest} ${rest === 1 ? "minute" : "minutes"}`);
  return parts.join(" ");
}

/** The UK calendar date of an instant, "YYYY-MM-DD". */
export function ukDate(at: Date | string): string {
  return format(toUkTime(at), "yyyy-MM-dd");
}

/** The UK time of day of an instant, "HH:MM" (24-hour, as staff type it). */
export function ukTimeOfDay(at: Date | string): string {
  return format(toUkTime(at), "HH:mm");
}

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

/** A calendar date `days` after another ("YYYY-MM-DD"), with no time zone involved. */
export function addDaysToDate(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Joining links go at 10:00 UK time on the day … */
export const LINKS_SEND_TIME = "10:00";
/** … or this long before the start, if that is earlier (a webinar starting at 10:30 gets them at 09:30). */
export const LINKS_LEAD_MINUTES = 60;
/** The Join button works from this long before the start until the end. */
export const JOIN_OPENS_MINUTES = 30;

/** When the joining links for a webinar starting at `startsAt` are sent. */
export function joiningLinksSendAt(startsAt: Date | string): Date {
  const start = new Date(startsAt);
  const tenOClock = fromUkLocal(ukDate(start), LINKS_SEND_TIME) ?? start;
  const lead = new Date(start.getTime() - LINKS_LEAD_MINUTES * 60_000);
  return tenOClock < lead ? tenOClock : lead;
}

/** When the Join button starts working. */
export function joinOpensAt(startsAt: Date | string): Date {
  return new Date(new Date(startsAt).getTime() - JOIN_OPENS_MINUTES * 60_000);
}
