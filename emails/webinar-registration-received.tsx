import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";
import { WebinarFacts, WebinarPageLink, type WebinarEmailProps } from "./webinar-parts";

/** Sent when a member registers: staff check every registration before a place is confirmed. */
export const webinarRegistrationReceivedEmail = defineEmail<WebinarEmailProps>({
  name: "webinar-registration-received",
  subject: ({ title }) => `We have your registration: ${title}`,
  preview: () => "The network team will check it and email you.",
  Body: ({ fullName, title, when, webinarId, context }) => (
    <>
      <EmailHeading>We have your registration</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>Thank you for registering for:</Text>
      <WebinarFacts title={title} when={when} />
      <Text style={emailStyles.paragraph}>
        The network team checks every registration. We will email you when yours is approved, usually within 2 working
        days. Your place is not confirmed until then.
      </Text>
      <WebinarPageLink context={context} webinarId={webinarId}>
        See your registration or cancel it
      </WebinarPageLink>
    </>
  ),
});
