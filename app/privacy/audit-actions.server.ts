import { defineAuditActions } from "~/audit/record.server";

export const privacyAudit = defineAuditActions({
  actions: {
    "member.left": { label: "Left the network" },
  },
});
