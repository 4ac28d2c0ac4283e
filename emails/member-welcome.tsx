import { Link, Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailButton, EmailHeading, emailStyles } from "./layout";

export interface MemberWelcomeProps {
  fullName: string;
}

/** To a joiner who became a member as soon as they confirmed their address (a trusted or always-allowed domain). */
export const memberWelcomeEmail = defineEmail<MemberWelcomeProps>({
  name: "member-welcome",
  subject: () => "Welcome to the Social Prescribing Network",
  preview: () => "You are now a member of the network.",
  Body: ({ fullName, context }) => (
    <>
      <EmailHeading>Welcome to the network</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>
        You have confirmed your email address and you are now a member of the Social Prescribing Network. Members can
        register for webinars, watch recordings and take part in workspaces.
      </Text>
      <Text style={emailStyles.paragraph}>
        To sign in, use this email address: we email you a code each time, so there is no password to remember. In{" "}
        <Link href={`${context.appUrl}/account`}>your account</Link> you can check your details and choose which emails
        you get from us.
      </Text>
      <EmailButton href={`${context.appUrl}/sign-in`}>Sign in</EmailButton>
      <Text style={emailStyles.paragraph}>If you have a question, email {context.contactEmail}.</Text>
    </>
  ),
});
