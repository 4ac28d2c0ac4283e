import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

export interface MemberRemovedProps {
  fullName: string;
  reason: string;
}

/** To a member whom staff have removed from the network, with the reason they gave. */
export const memberRemovedEmail = defineEmail<MemberRemovedProps>({
  name: "member-removed",
  subject: () => "Your Social Prescribing Network membership has ended",
  preview: () => "The network team has ended your membership.",
  Body: ({ fullName, reason, context }) => (
    <>
      <EmailHeading>Your membership has ended</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>
        The network team has ended your membership of the Social Prescribing Network and signed you out. The reason they gave:
      </Text>
      <Text style={emailStyles.quote}>{reason}</Text>
      <Text style={emailStyles.paragraph}>If you have questions about this, email {context.contactEmail}.</Text>
    </>
  ),
});
