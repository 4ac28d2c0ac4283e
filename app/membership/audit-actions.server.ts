import { readDetails } from "~/audit/define";
import { defineAuditActions } from "~/audit/record.server";
import { MEMBER_STATUSES } from "./member-statuses";
import { labelFor } from "./profile-options";

const reason = readDetails({ reason: "Reason" });

/** The profile questions as staff read them in "Updated their profile" entries (account.server.ts records the names). */
const PROFILE_FIELD_LABELS: Record<string, string> = {
  fullName: "Full name",
  organisation: "Organisation",
  jobRole: "Job role",
  region: "NHS England region",
  icbPcn: "ICB or PCN",
  workspaceInterests: "Workspace interests",
};

/** What joining, staff review, members' own changes and domain rules write to the audit log. */
export const membershipAudit = defineAuditActions({
  actions: {
    "member.joined": {
      label: "Confirmed their email address on joining",
      details: readDetails({ status: { label: "Status", format: (value) => labelFor(MEMBER_STATUSES, String(value)) } }),
    },
    "member.approved": { label: "Approved a joiner" },
    "member.declined": { label: "Declined a joiner", details: reason },
    "member.removed": { label: "Removed a member", details: reason },
    "member.profile-updated": {
      label: "Updated their profile",
      details: readDetails({
        fields: {
          label: "Changed",
          format: (value) => (Array.isArray(value) ? value.map((field) => PROFILE_FIELD_LABELS[String(field)] ?? String(field)).join(", ") : String(value)),
        },
      }),
    },
    "member.email-changed": { label: "Changed their email address" },
    "member.preferences-updated": {
      label: "Changed their email preferences",
      // `via` only on changes made from an email's unsubscribe link rather than the preferences page.
      details: readDetails({ bulletin: "Bulletin", events: "Webinar and event emails", via: "Changed with" }),
    },
    "member.signed-out-everywhere": { label: "Signed out of all devices" },
    "domain-override.added": {
      label: "Added a domain rule",
      details: readDetails({
        policy: { label: "Rule", format: (value) => (value === "allow" ? "Always allow" : "Always refuse") },
        note: "Note",
      }),
    },
    "domain-override.removed": {
      label: "Removed a domain rule",
      details: readDetails({ policy: { label: "Rule", format: (value) => (value === "allow" ? "Always allow" : "Always refuse") } }),
    },
  },
  subjects: {
    domain: { describe: (domain) => domain, href: () => "/admin/domains" },
  },
});
