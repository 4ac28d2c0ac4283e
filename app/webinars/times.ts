import { format } from "date-fns";
import { fromUkLocal, toUkTime, ukDate } from "~/ui/dates";

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
