import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { emailStyles } from "./layout";

/** Sent to a joiner whose request staff have not reviewed yet, when they try to sign in or join again. */
export const awaitingReviewEmail = defineEmail<Record<string, never>>({
  name: "awaiting-review",
  subject: () => "Your request to join the Social Prescribing Network",
  Body: ({ context }) => (
    <>
      <Text style={emailStyles.heading}>Your request to join is waiting for review</Text>
      <Text style={emailStyles.paragraph}>
        Someone, hopefully you, asked to sign in with this email address. You have confirmed the address, but our staff
        have not yet checked your request to join, so you cannot sign in yet.
      </Text>
      <Text style={emailStyles.paragraph}>
        We will email you as soon as we have. If it is urgent, email {context.contactEmail}.
      </Text>
    </>
  ),
});
