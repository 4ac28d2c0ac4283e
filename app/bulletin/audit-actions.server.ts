import { readDetails } from "~/audit/define";
import { defineAuditActions } from "~/audit/record.server";
import { formatUkDateTime } from "~/ui/dates";

export const SUBSCRIPTION_SOURCES = {
  "one-click": "The unsubscribe button in their mail program",
  page: "The button on the unsubscribe page",
  preferences: "Their email preferences",
} as const;

export type SubscriptionSource = keyof typeof SUBSCRIPTION_SOURCES;

const source = readDetails({
  source: { label: "How", format: (value) => SUBSCRIPTION_SOURCES[value as SubscriptionSource] ?? String(value) },
});

/** What writing and sending the bulletin, unsubscribing and refused addresses write to the audit log. */
export const bulletinAudit = defineAuditActions({
  actions: {
    "bulletin.created": { label: "Started a bulletin" },
    "bulletin.updated": { label: "Edited a bulletin" },
    "bulletin.test-sent": { label: "Sent themselves a test copy of a bulletin" },
    "bulletin.sent": { label: "Sent a bulletin", details: readDetails({ subscribers: "Subscribers at the time" }) },
    "bulletin.scheduled": {
      label: "Scheduled a bulletin",
      details: readDetails({ at: { label: "To send at", format: (value) => formatUkDateTime(String(value)) } }),
    },
    "bulletin.schedule-cancelled": { label: "Cancelled a scheduled bulletin (back to draft)" },
    "bulletin.made-public": { label: "Made a bulletin public in the archive" },
    "bulletin.made-members-only": { label: "Made a bulletin members-only in the archive" },
    "bulletin.unsubscribed": { label: "Unsubscribed from the bulletin", details: source },
    "bulletin.resubscribed": { label: "Subscribed to the bulletin again", details: source },
    "bulletin.address-refused": {
      label: "Bulletins paused: the mail server refused the member's address",
      details: readDetails({ code: "SMTP reply code" }),
    },
    "bulletin.address-confirmed": { label: "Confirmed their email address after bulletins to it were refused" },
  },
  subjects: {
    bulletin: { describe: (id) => `Bulletin ${id}`, href: (id) => `/admin/bulletins/${id}` },
  },
});
