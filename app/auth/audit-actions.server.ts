import { readDetails } from "~/audit/define";
import { defineAuditActions } from "~/audit/record.server";

/** Role changes in the audit log: who was given or lost which role, and where it applies. */
export const authAudit = defineAuditActions({
  actions: {
    "role.granted": { label: "Granted a role", details: readDetails({ role: "Role", scope: "Workspace" }) },
    "role.revoked": { label: "Revoked a role", details: readDetails({ role: "Role", scope: "Workspace" }) },
  },
});
