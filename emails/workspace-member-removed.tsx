import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

export interface WorkspaceMemberRemovedProps {
  fullName: string;
  workspaceName: string;
  reason: string;
}

/** To a member whom a workspace's leads removed from it, with the reason they gave. */
export const workspaceMemberRemovedEmail = defineEmail<WorkspaceMemberRemovedProps>({
  name: "workspace-member-removed",
  subject: ({ workspaceName }) => `You have been removed from the ${workspaceName} workspace`,
  preview: ({ workspaceName }) => `The leads of ${workspaceName} have removed you from the workspace.`,
  Body: ({ fullName, workspaceName, reason, context }) => (
    <>
      <EmailHeading>You have been removed from a workspace</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>
        The leads of the {workspaceName} workspace have removed you from it, so you can no longer read or post there. The
        reason they gave:
      </Text>
      <Text style={emailStyles.quote}>{reason}</Text>
      <Text style={emailStyles.paragraph}>
        You are still a member of the network. Workspaces are not for advertising or selling services. If you think
        this is a mistake, email {context.contactEmail}.
      </Text>
    </>
  ),
});
