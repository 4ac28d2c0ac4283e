import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** All times are stored in UTC and shown in UK time (GMT or BST as the date requires). */
export const UK_TIME_ZONE = "Europe/London";

export function toUkTime(at: Date | string): TZDate {
  return new TZDate(new Date(at).getTime(), UK_TIME_ZONE);
}

/** e.g. "25 November 2026 at 10:00am" */
export function formatUkDateTime(at: Date | string): string {
  return format(toUkTime(at), "d MMMM yyyy 'at' h:mmaaa");
}

/** e.g. "25 November 2026", for tables */
export function formatUkDay(at: Date | string): string {
  return format(toUkTime(at), "d MMMM yyyy");
}
