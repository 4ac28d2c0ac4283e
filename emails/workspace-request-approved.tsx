import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailButton, EmailHeading, emailStyles } from "./layout";

export interface WorkspaceRequestApprovedProps {
  fullName: string;
  workspaceName: string;
  workspaceSlug: string;
}

/** To a member whose request to join a private workspace its leads approved. */
export const workspaceRequestApprovedEmail = defineEmail<WorkspaceRequestApprovedProps>({
  name: "workspace-request-approved",
  subject: ({ workspaceName }) => `You have joined the ${workspaceName} workspace`,
  preview: ({ workspaceName }) => `Your request to join ${workspaceName} was approved.`,
  Body: ({ fullName, workspaceName, workspaceSlug, context }) => (
    <>
      <EmailHeading>Your request to join was approved</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>
        The leads of the {workspaceName} workspace have approved your request. You can now read its discussions and
        resources and take part.
      </Text>
      <EmailButton href={`${context.appUrl}/workspaces/${workspaceSlug}`}>Go to {workspaceName}</EmailButton>
    </>
  ),
});
