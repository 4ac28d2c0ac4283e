import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailCode, type EmailCodeProps } from "./email-code";
import { emailStyles } from "./layout";

/** Sent to a member who asks to sign in (also when they try to join again). */
export const signInCodeEmail = defineEmail<EmailCodeProps>({
  name: "sign-in-code",
  sensitive: true,
  subject: () => "Sign in to the Social Prescribing Network",
  preview: ({ code }) => `Your code is ${code}`,
  Body: (props) => (
    <>
      <Text style={emailStyles.heading}>Sign in</Text>
      <Text style={emailStyles.paragraph}>
        Someone, hopefully you, asked to sign in to the Social Prescribing Network with this email address (or to join
        with it: it is already a member, so there is nothing more to do to join).
      </Text>
      <EmailCode {...props} buttonText="Sign in" />
      <Text style={emailStyles.paragraph}>If it was not you, you can ignore this email: nobody can sign in without it.</Text>
    </>
  ),
});
