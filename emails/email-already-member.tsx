import { Link, Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

/** Sent instead of a code when a member asks to move their account to an address another account uses. */
export const emailAlreadyMemberEmail = defineEmail<Record<string, never>>({
  name: "email-already-member",
  subject: () => "This email address already has a Social Prescribing Network account",
  Body: ({ context }) => (
    <>
      <EmailHeading>This email address already has an account</EmailHeading>
      <Text style={emailStyles.paragraph}>
        Someone asked to move their Social Prescribing Network account to this email address. It already has its own
        account, so we have not changed anything.
      </Text>
      <Text style={emailStyles.paragraph}>
        If you have two accounts, you can <Link href={`${context.appUrl}/sign-in`}>sign in with this address</Link>, or
        email {context.contactEmail} and we will combine them.
      </Text>
    </>
  ),
});
