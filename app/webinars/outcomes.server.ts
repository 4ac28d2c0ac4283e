import { redirectWithFlash } from "~/lib/flash.server";
import type { DecisionResult } from "~/webinars/approve-registration.server";

/**
 * What a webinar page says after an action, by the page the action redirects to. The message travels in
 * the one-time signed flash (~/lib/flash.server) rather than the query string, so a link cannot make a page
 * announce something that did not happen ("The webinar is cancelled…").
 */
const OUTCOMES = {
  webinar: {
    registered: "You have registered. We have emailed you to confirm it. The network team will check your registration and email you again when it is approved.",
    cancelled: "Your registration is cancelled. We have emailed you to confirm it.",
    resent: "We have emailed your joining link again. It can take a few minutes to arrive: check your spam or junk folder too.",
  },
  staffWebinar: {
    created: "The webinar is set up. If registration is open, members who asked for event emails are being told about it.",
    updated: "Your changes are saved. Anyone affected has been emailed.",
    cancelled: "The webinar is cancelled. Everyone registered has been emailed.",
  },
  staffSeries: {
    created: "The series is set up and its first webinars are listed. If registration is open, members who asked for event emails are being told about it.",
    updated: "The series settings are saved.",
    stopped: "The series is stopped. No more webinars will be added; the ones listed stay unless you cancel them.",
  },
} as const;

type Outcomes = typeof OUTCOMES;

/** What can have happened before a redirect to a page of the kind `Page`. */
export type Outcome<Page extends keyof Outcomes> = keyof Outcomes[Page] & string;

/** A redirect to `to` (a page of the kind `page`) that shows what `outcome` says, once. */
export function redirectWithOutcome<Page extends keyof Outcomes>(to: string, page: Page, outcome: Outcome<Page>): Response {
  return redirectWithFlash(to, OUTCOMES[page][outcome] as string);
}

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/** The banner after staff approve or decline registrations, from what the decision did. */
export function decisionMessage(result: Extract<DecisionResult, { ok: true }>): string {
  const parts = [
    result.approved ? `${plural(result.approved, "person", "people")} given a place` : "",
    result.waitlisted ? `${plural(result.waitlisted, "person", "people")} put on the waiting list because the webinar is full` : "",
    result.declined ? `${plural(result.declined, "registration", "registrations")} declined` : "",
    result.skipped ? `${plural(result.skipped, "registration was", "registrations were")} already decided, so left as they were` : "",
  ].filter(Boolean);
  return parts.length ? `${parts.join("; ")}. Everyone affected has been emailed.` : "Nothing needed changing.";
}
