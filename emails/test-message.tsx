import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

export interface TestMessageProps {
  note: string;
}

/** Sent by `npm run cli -- send-test-email` so operators can check delivery end to end. */
export const testMessageEmail = defineEmail<TestMessageProps>({
  name: "test-message",
  subject: () => "Test message from the Social Prescribing Network portal",
  Body: ({ note }) => (
    <>
      <EmailHeading>Email is working</EmailHeading>
      <Text style={emailStyles.paragraph}>This message was sent to check the portal's email delivery.</Text>
      <Text style={emailStyles.paragraph}>{note}</Text>
    </>
  ),
});
