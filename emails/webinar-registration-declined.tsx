import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";
import { WebinarFacts, type WebinarEmailProps } from "./webinar-parts";

export interface WebinarDeclinedProps extends WebinarEmailProps {
  reason: string | null;
}

/** Staff declined a registration (with their reason, when they gave one). */
export const webinarRegistrationDeclinedEmail = defineEmail<WebinarDeclinedProps>({
  name: "webinar-registration-declined",
  subject: ({ title }) => `We could not give you a place: ${title}`,
  preview: () => "Your webinar registration was not approved.",
  Body: ({ fullName, title, when, reason, context }) => (
    <>
      <EmailHeading>We could not give you a place</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>The network team has looked at your registration for this webinar and could not approve it:</Text>
      <WebinarFacts title={title} when={when} />
      {reason ? (
        <>
          <Text style={emailStyles.paragraph}>They said:</Text>
          <Text style={emailStyles.quote}>{reason}</Text>
        </>
      ) : null}
      <Text style={emailStyles.paragraph}>If you think this is a mistake, email {context.contactEmail} with the webinar's title.</Text>
    </>
  ),
});
