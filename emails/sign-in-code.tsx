import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailCode, type EmailCodeProps } from "./email-code";
import { EmailHeading, emailStyles } from "./layout";

export interface SignInCodeProps extends EmailCodeProps {
  /** What the member asked for: to sign in, or to join again with an address that is already a member's. */
  asked: "sign-in" | "join";
}

/** Sent to a member who asks to sign in (also when they try to join again). */
export const signInCodeEmail = defineEmail<SignInCodeProps>({
  name: "sign-in-code",
  sensitive: true,
  subject: () => "Sign in to the Social Prescribing Network",
  preview: ({ code }) => `Your code is ${code}`,
  Body: ({ asked, ...code }) => (
    <>
      <EmailHeading>Sign in</EmailHeading>
      {asked === "join" ? (
        <Text style={emailStyles.paragraph}>
          Someone, hopefully you, asked to join the Social Prescribing Network with this email address. You are already a
          member, so there is no need to join again: sign in instead.
        </Text>
      ) : (
        <Text style={emailStyles.paragraph}>
          Someone, hopefully you, asked to sign in to the Social Prescribing Network with this email address.
        </Text>
      )}
      <EmailCode {...code} buttonText="Sign in" />
      <Text style={emailStyles.paragraph}>If it was not you, you can ignore this email: nobody can sign in without it.</Text>
    </>
  ),
});
