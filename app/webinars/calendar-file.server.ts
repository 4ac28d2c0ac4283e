import { createEvent, type EventAttributes } from "ics";
import type { Webinar } from "#db/schema";
import { config } from "~/config.server";
import type { EmailAttachment } from "~/mail/attachments.server";
import { ukDate } from "~/ui/dates";
import { linksSendAtText } from "./webinar-records.server";

/**
 * The webinar's calendar file (iCalendar, RFC 5545), made with the `ics` library and folded again by
 * octets (below). Times are in UTC ("Z"), so every client, strict or not, gets the right instant
 * without a VTIMEZONE block. The UID never changes and SEQUENCE rises with every change, so a client
 * updates the entry it has instead of adding another; a cancelled webinar's file is a METHOD:CANCEL
 * that removes it. The meeting link is never in it: the file is public and people forward it.
 */
export function webinarCalendarFile(webinar: Webinar): string {
  const settings = config();
  const pageUrl = `${settings.appUrl.origin}/webinars/${webinar.id}`;
  const cancelled = webinar.cancelled_at !== null;
  const description = cancelled
    ? [`Cancelled: ${webinar.cancel_reason ?? "this webinar will not take place."}`, pageUrl]
    : [
        webinar.description,
        webinar.speakers ? `Speakers: ${webinar.speakers}` : "",
        `If you have a place, your personal joining link arrives by email ${linksSendAtText(webinar)} (UK time). Please do not share it.`,
        `Details, and to cancel your place: ${pageUrl}`,
      ];
  const attributes: EventAttributes & { timestamp: number } = {
    uid: `webinar-${webinar.id}@${settings.appUrl.hostname}`,
    sequence: webinar.sequence,
    method: cancelled ? "CANCEL" : "PUBLISH",
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    productId: "-//Social Prescribing Network//Portal//EN",
    title: cancelled ? `Cancelled: ${webinar.title}` : webinar.title,
    description: description.filter(Boolean).join("\n\n"),
    location: "Online (your joining link arrives by email on the day)",
    url: pageUrl,
    organizer: { name: "Social Prescribing Network", email: settings.contactEmail },
    start: Date.parse(webinar.starts_at),
    startInputType: "utc",
    startOutputType: "utc",
    end: Date.parse(webinar.ends_at),
    endInputType: "utc",
    endOutputType: "utc",
    created: Date.parse(webinar.created_at),
    lastModified: Date.parse(webinar.updated_at),
    // DTSTAMP: when this version of the event was last changed (not "now"), so the file is stable.
    timestamp: Date.parse(webinar.updated_at),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error("The calendar file could not be made");
  return refoldByOctets(value);
}

/** The file's MIME type; its method parameter matches the file's METHOD, as Outlook expects of an attachment. */
export function webinarCalendarContentType(webinar: Webinar): string {
  return `text/calendar; charset=utf-8; method=${webinar.cancelled_at ? "CANCEL" : "PUBLISH"}`;
}

/** The calendar file's name, for its download and as an attachment: named for the webinar's UK date. */
export function webinarCalendarFileName(webinar: Webinar): string {
  return `spn-webinar-${ukDate(webinar.starts_at)}.ics`;
}

/** Each webinar row's attachment, made once however many emails about it carry it (rows are never changed in place). */
const attachments = new WeakMap<Webinar, EmailAttachment>();

/**
 * The same file as /webinars/<id>/calendar.ics serves, to attach to an email about the webinar, so a
 * member adds (or updates, or removes) the entry in one click.
 */
export function webinarCalendarAttachment(webinar: Webinar): EmailAttachment {
  let attachment = attachments.get(webinar);
  if (!attachment) {
    attachment = { filename: webinarCalendarFileName(webinar), contentType: webinarCalendarContentType(webinar), content: webinarCalendarFile(webinar) };
    attachments.set(webinar, attachment);
  }
  return attachment;
}

/** RFC 5545 3.1: a content line is at most 75 octets; longer ones continue on lines starting with a space. */
const LINE_OCTETS = 75;

/**
 * The `ics` library folds lines every 75 characters, but the limit is in octets: a title with "Siân"
 * or a curly apostrophe makes longer lines, which strict clients refuse or misread. Unfolds its
 * output and folds again by UTF-8 length, never inside a character. (Values carry their own line
 * breaks escaped as "\n", so every CRLF followed by a space or tab in the output is a fold.)
 */
export function refoldByOctets(calendar: string): string {
  return calendar
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .map(foldLine)
    .join("\r\n");
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let part = "";
  let octets = 0;
  // Continuation lines start with a space, which counts towards their 75.
  let room = LINE_OCTETS;
  for (const character of line) {
    const size = Buffer.byteLength(character, "utf8");
    if (octets + size > room) {
      parts.push(part);
      part = "";
      octets = 0;
      room = LINE_OCTETS - 1;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join("\r\n ");
}
