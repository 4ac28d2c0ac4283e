import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

export interface WorkspaceRequestDeclinedProps {
  fullName: string;
  workspaceName: string;
  reason: string;
}

/** To a member whose request to join a private workspace its leads declined, with their reason. */
export const workspaceRequestDeclinedEmail = defineEmail<WorkspaceRequestDeclinedProps>({
  name: "workspace-request-declined",
  subject: ({ workspaceName }) => `Your request to join the ${workspaceName} workspace`,
  preview: ({ workspaceName }) => `The leads of ${workspaceName} could not approve your request.`,
  Body: ({ fullName, workspaceName, reason, context }) => (
    <>
      <EmailHeading>Your request to join was not approved</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>The leads of the {workspaceName} workspace could not approve your request. They said:</Text>
      <Text style={emailStyles.quote}>{reason}</Text>
      <Text style={emailStyles.paragraph}>
        Your membership of the network is not affected. If you have questions, email {context.contactEmail}.
      </Text>
    </>
  ),
});
