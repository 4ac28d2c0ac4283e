import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailButton, EmailHeading, emailStyles } from "./layout";

export interface WorkspaceJoinRequestProps {
  requesterName: string;
  workspaceName: string;
  workspaceSlug: string;
}

/** To each lead of a private workspace when a member asks to join it. */
export const workspaceJoinRequestEmail = defineEmail<WorkspaceJoinRequestProps>({
  name: "workspace-join-request",
  subject: ({ workspaceName }) => `Someone has asked to join the ${workspaceName} workspace`,
  preview: ({ requesterName }) => `${requesterName} is waiting for a decision.`,
  Body: ({ requesterName, workspaceName, workspaceSlug, context }) => (
    <>
      <EmailHeading>A request to join is waiting</EmailHeading>
      <Text style={emailStyles.paragraph}>
        {requesterName} has asked to join the {workspaceName} workspace, which you lead. Approve or decline the request
        from the workspace's moderation page; we will email them either way.
      </Text>
      <EmailButton href={`${context.appUrl}/workspaces/${workspaceSlug}/moderation`}>Review the request</EmailButton>
    </>
  ),
});
