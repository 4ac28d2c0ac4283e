import { defineFeature } from "~/feature";
import { workspacesAudit } from "./audit-actions.server";
import { seedWorkspacesDemo } from "./demo.server";
import { workspaceDigestJob } from "./jobs.server";
import { workspacesPersonalData } from "./personal-data.server";

export const workspacesFeature = defineFeature({
  name: "workspaces",
  audit: workspacesAudit,
  personalData: workspacesPersonalData,
  seedDemo: seedWorkspacesDemo,
  jobs: [workspaceDigestJob],
});
