import { readDetails } from "~/audit/define";
import { defineAuditActions } from "~/audit/record.server";
import { isRole, ROLE_LABELS } from "./roles.server";

// The scope is the workspace's slug, which is also its web address, so it reads as it is.
const roleDetails = readDetails({
  role: {
    label: "Role",
    format: (value) => {
      const role = String(value);
      return isRole(role) ? ROLE_LABELS[role] : role;
    },
  },
  scope: "Workspace",
});

/** Role changes in the audit log: who was given or lost which role, and where it applies. */
export const authAudit = defineAuditActions({
  actions: {
    "role.granted": { label: "Granted a role", details: roleDetails },
    "role.revoked": { label: "Revoked a role", details: roleDetails },
  },
});
