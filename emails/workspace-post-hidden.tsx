import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailButton, EmailHeading, emailStyles } from "./layout";

export interface WorkspacePostHiddenProps {
  fullName: string;
  workspaceName: string;
  reason: string;
  /** The post's place in its thread, e.g. "/workspaces/london/threads/4#post-9". */
  postPath: string;
}

/** To a member whose post a workspace lead hid, with the reason they gave. */
export const workspacePostHiddenEmail = defineEmail<WorkspacePostHiddenProps>({
  name: "workspace-post-hidden",
  subject: ({ workspaceName }) => `Your post in the ${workspaceName} workspace has been hidden`,
  preview: () => "A workspace lead has hidden your post.",
  Body: ({ fullName, workspaceName, reason, postPath, context }) => (
    <>
      <EmailHeading>Your post has been hidden</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>
        A lead of the {workspaceName} workspace has hidden one of your posts. Other members no longer see it. The reason
        they gave:
      </Text>
      <Text style={emailStyles.quote}>{reason}</Text>
      <EmailButton href={`${context.appUrl}${postPath}`}>See your post</EmailButton>
      <Text style={emailStyles.paragraph}>If you think this is a mistake, email {context.contactEmail}.</Text>
    </>
  ),
});
