import { plainValue, readDetails } from "~/audit/define";
import { defineAuditActions } from "~/audit/record.server";
import { registrationStatusLabel } from "./registration-statuses";

const webinar = { label: "Webinar", format: (value: unknown) => `Webinar ${plainValue(value)}` };

/** What staff do to webinars and registrations, in the audit log. Details hold ids, never names. */
export const webinarsAudit = defineAuditActions({
  actions: {
    "webinar.created": { label: "Created a webinar", details: readDetails({ series: "Series" }) },
    "webinar.updated": { label: "Changed a webinar", details: readDetails({ changed: "What changed" }) },
    "webinar.cancelled": { label: "Cancelled a webinar", details: readDetails({ reason: "Reason", notified: "People emailed" }) },
    "webinar.series-created": { label: "Created a webinar series", details: readDetails({ occurrences: "Webinars added" }) },
    "webinar.series-updated": {
      label: "Changed a webinar series",
      details: readDetails({ changed: "What changed", appliedTo: "Upcoming webinars changed" }),
    },
    "webinar.series-stopped": { label: "Stopped a webinar series" },
    "webinar.registration-approved": {
      label: "Approved a webinar registration",
      details: readDetails({ webinar, outcome: { label: "Result", format: (value) => registrationStatusLabel(String(value)) } }),
    },
    "webinar.registration-declined": { label: "Declined a webinar registration", details: readDetails({ webinar, reason: "Reason" }) },
    "webinar.registrations-exported": { label: "Downloaded a webinar's registrations", details: readDetails({ rows: "Rows" }) },
  },
  subjects: {
    webinar: { describe: (id) => `Webinar ${id}`, href: (id) => `/admin/webinars/${id}` },
    "webinar-series": { describe: (id) => `Webinar series ${id}`, href: (id) => `/admin/webinars/series/${id}` },
  },
});
