import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailButton, EmailHeading, emailStyles } from "./layout";

export interface MemberApprovedProps {
  fullName: string;
}

/** To a joiner whose request a member of staff has approved. */
export const memberApprovedEmail = defineEmail<MemberApprovedProps>({
  name: "member-approved",
  subject: () => "You are now a member of the Social Prescribing Network",
  preview: () => "Your request to join has been approved.",
  Body: ({ fullName, context }) => (
    <>
      <EmailHeading>Welcome to the network</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>
        A member of the network team has checked your request to join and approved it. You can now sign in with this email
        address to register for webinars, watch recordings and take part in workspaces.
      </Text>
      <EmailButton href={`${context.appUrl}/sign-in`}>Sign in</EmailButton>
    </>
  ),
});
