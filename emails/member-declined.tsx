import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

export interface MemberDeclinedProps {
  fullName: string;
  reason: string;
}

/** To a joiner whose request a member of staff has declined, with the reason they gave. */
export const memberDeclinedEmail = defineEmail<MemberDeclinedProps>({
  name: "member-declined",
  subject: () => "We could not approve your request to join the Social Prescribing Network",
  preview: () => "We could not approve your request to join.",
  Body: ({ fullName, reason, context }) => (
    <>
      <EmailHeading>We could not approve your request</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>The network team has looked at your request to join and could not approve it. They said:</Text>
      <Text style={emailStyles.quote}>{reason}</Text>
      <Text style={emailStyles.paragraph}>
        If you think this is a mistake, email {context.contactEmail} and tell us about your role.
      </Text>
    </>
  ),
});
