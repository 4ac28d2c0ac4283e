import { Link, Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

/** Sent when someone asks to sign in with an address that has no account, instead of a code. */
export const noAccountEmail = defineEmail<Record<string, never>>({
  name: "no-account",
  subject: () => "Signing in to the Social Prescribing Network",
  Body: ({ context }) => (
    <>
      <EmailHeading>There is no account with this email address</EmailHeading>
      <Text style={emailStyles.paragraph}>
        Someone, hopefully you, asked to sign in to the Social Prescribing Network with this email address, but no member
        uses it.
      </Text>
      <Text style={emailStyles.paragraph}>
        If you joined with a different address, sign in with that one. If you are not a member yet, you can{" "}
        <Link href={`${context.appUrl}/join`}>join the network</Link> with your work email address.
      </Text>
      <Text style={emailStyles.paragraph}>If it was not you, you can ignore this email.</Text>
    </>
  ),
});
