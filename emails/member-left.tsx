import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

export interface MemberLeftProps {
  fullName: string;
}

/** Confirms to a member who left the network that their details have been deleted. */
export const memberLeftEmail = defineEmail<MemberLeftProps>({
  name: "member-left",
  subject: () => "You have left the Social Prescribing Network",
  preview: () => "Your account and personal details have been deleted.",
  Body: ({ fullName, context }) => (
    <>
      <EmailHeading>You have left the network</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>
        As you asked, we have closed your account and deleted your personal details: your name, email address, organisation,
        role, region and preferences. You will not get any more email from us after this one.
      </Text>
      <Text style={emailStyles.paragraph}>
        Anything you posted in a workspace stays there so that conversations still make sense, shown as written by a former
        member. You are welcome to join again at any time at {context.appUrl}/join.
      </Text>
    </>
  ),
});
