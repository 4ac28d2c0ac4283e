import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailCode, type EmailCodeProps } from "./email-code";
import { EmailHeading, emailStyles } from "./layout";

/** Sent to the new address when a member asks to change their email address. */
export const confirmNewEmailEmail = defineEmail<EmailCodeProps>({
  name: "confirm-new-email",
  sensitive: true,
  subject: () => "Confirm your new email address for the Social Prescribing Network",
  preview: ({ code }) => `Your code is ${code}`,
  Body: (props) => (
    <>
      <EmailHeading>Confirm your new email address</EmailHeading>
      <Text style={emailStyles.paragraph}>
        A member of the Social Prescribing Network asked to use this email address for their account from now on.
      </Text>
      <EmailCode {...props} buttonText="Confirm your new email address" />
      <Text style={emailStyles.paragraph}>If it was not you, you can ignore this email: nothing will change.</Text>
    </>
  ),
});
