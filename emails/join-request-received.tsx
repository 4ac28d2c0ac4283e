import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

export interface JoinRequestReceivedProps {
  fullName: string;
}

/** Sent when a joiner from an organisation we do not recognise confirms their address, so they know what happens next. */
export const joinRequestReceivedEmail = defineEmail<JoinRequestReceivedProps>({
  name: "join-request-received",
  subject: () => "We have your request to join the Social Prescribing Network",
  Body: ({ fullName, context }) => (
    <>
      <EmailHeading>Thank you, {fullName}</EmailHeading>
      <Text style={emailStyles.paragraph}>
        You have confirmed your email address. Because we do not yet know your organisation's email domain, a member of
        our team will check your request before you can sign in. We usually do this within 2 working days.
      </Text>
      <Text style={emailStyles.paragraph}>
        We will email you when it is done. There is nothing else you need to do. If it is urgent, email{" "}
        {context.contactEmail}.
      </Text>
    </>
  ),
});
