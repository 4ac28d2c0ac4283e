import { MEMBER_STATUSES } from "~/membership/member-statuses";
import { labelFor } from "~/membership/profile-options";

const LABELS: Record<string, string> = {
  reason: "Reason",
  role: "Role",
  scope: "Workspace",
  policy: "Rule",
  note: "Note",
  bulletin: "Bulletin",
  events: "Webinar and event emails",
  status: "Status",
};

function show(key: string, value: unknown): string {
  if (key === "status") return labelFor(MEMBER_STATUSES, String(value));
  if (value === true) return "Yes";
  if (value === false) return "No";
  if (value === "allow") return "Always allow";
  if (value === "refuse") return "Always refuse";
  return String(value);
}

/** An audit entry's details as a short list; empty values are left out. */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const items = Object.entries(details).filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (items.length === 0) return null;
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {items.map(([key, value]) => (
        <li key={key}>
          {LABELS[key] ?? key}: {show(key, value)}
        </li>
      ))}
    </ul>
  );
}
