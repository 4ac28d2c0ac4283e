import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

/** Sent to the old address once a member's address has changed, in case it was not them. */
export const emailChangedEmail = defineEmail<{ newEmail: string }>({
  name: "email-changed",
  subject: () => "Your Social Prescribing Network email address has changed",
  Body: ({ newEmail, context }) => (
    <>
      <EmailHeading>Your email address has changed</EmailHeading>
      <Text style={emailStyles.paragraph}>
        Your Social Prescribing Network account now uses {newEmail}. We will send everything there, and you will sign in
        with it.
      </Text>
      <Text style={emailStyles.paragraph}>
        If you did not make this change, email {context.contactEmail} straight away and we will put it right.
      </Text>
    </>
  ),
});
