import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailCode, type EmailCodeProps } from "./email-code";
import { EmailHeading, emailStyles } from "./layout";

/** Sent when someone joins: proves they own the address before their membership starts. */
export const joinVerificationEmail = defineEmail<EmailCodeProps & { fullName: string }>({
  name: "join-verification",
  sensitive: true,
  subject: () => "Confirm your email address to join the Social Prescribing Network",
  preview: ({ code }) => `Your code is ${code}`,
  Body: ({ fullName, ...code }) => (
    <>
      <EmailHeading>Confirm your email address</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>
        Thank you for joining the Social Prescribing Network. Confirm this is your email address to finish joining.
      </Text>
      <EmailCode {...code} buttonText="Confirm your email address" />
      <Text style={emailStyles.paragraph}>If you did not ask to join, you can ignore this email: nothing will happen.</Text>
    </>
  ),
});
