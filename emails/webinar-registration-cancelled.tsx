import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";
import { WebinarFacts, WebinarPageLink, type WebinarEmailProps } from "./webinar-parts";

/** Confirms that a member cancelled their own registration (so a mistaken click does not go unnoticed). */
export const webinarRegistrationCancelledEmail = defineEmail<WebinarEmailProps>({
  name: "webinar-registration-cancelled",
  subject: ({ title }) => `You have cancelled your registration: ${title}`,
  preview: () => "Your registration is cancelled.",
  Body: ({ fullName, title, when, webinarId, context }) => (
    <>
      <EmailHeading>Your registration is cancelled</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>You cancelled your registration for:</Text>
      <WebinarFacts title={title} when={when} />
      <Text style={emailStyles.paragraph}>
        Any joining link we sent you for it no longer works. If you change your mind, you can register again on the
        webinar's page while registration is open.
      </Text>
      <WebinarPageLink context={context} webinarId={webinarId}>
        Open the webinar's page
      </WebinarPageLink>
    </>
  ),
});
