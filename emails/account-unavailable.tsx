import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

/** Sent instead of a code when the address belongs to a declined or removed membership. */
export const accountUnavailableEmail = defineEmail<Record<string, never>>({
  name: "account-unavailable",
  subject: () => "Signing in to the Social Prescribing Network",
  Body: ({ context }) => (
    <>
      <EmailHeading>You cannot sign in with this email address</EmailHeading>
      <Text style={emailStyles.paragraph}>
        Someone, hopefully you, asked to sign in or join with this email address. The membership that used it is no longer
        active, so we cannot send a sign-in code.
      </Text>
      <Text style={emailStyles.paragraph}>
        If you think this is wrong, email {context.contactEmail} and we will look into it.
      </Text>
    </>
  ),
});
