import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

export interface AwaitingReviewProps {
  /** What the joiner asked for this time: to sign in, or to join again. */
  asked: "sign-in" | "join";
}

/** Sent to a joiner whose request staff have not reviewed yet, when they try to sign in or join again. */
export const awaitingReviewEmail = defineEmail<AwaitingReviewProps>({
  name: "awaiting-review",
  subject: () => "Your request to join the Social Prescribing Network",
  Body: ({ asked, context }) => (
    <>
      <EmailHeading>Your request to join is waiting for review</EmailHeading>
      <Text style={emailStyles.paragraph}>
        {asked === "join"
          ? "Someone, hopefully you, asked to join with this email address. You have already confirmed the address and asked to join, so there is nothing more to do: our staff have not yet checked your request."
          : "Someone, hopefully you, asked to sign in with this email address. You have confirmed the address, but our staff have not yet checked your request to join, so you cannot sign in yet."}
      </Text>
      <Text style={emailStyles.paragraph}>
        We usually do this within 2 working days, and we will email you as soon as we have. If it is urgent, email{" "}
        {context.contactEmail}.
      </Text>
    </>
  ),
});
