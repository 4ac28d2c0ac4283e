import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";
import { WebinarFacts, WebinarPageLink, type WebinarEmailProps } from "./webinar-parts";

/** Staff approved a registration but every place was taken. */
export const webinarRegistrationWaitlistedEmail = defineEmail<WebinarEmailProps>({
  name: "webinar-registration-waitlisted",
  subject: ({ title }) => `You are on the waiting list: ${title}`,
  preview: () => "The webinar is full. We will email you if a place comes up.",
  Body: ({ fullName, title, when, webinarId, context }) => (
    <>
      <EmailHeading>You are on the waiting list</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>The network team has approved your registration, but every place is taken for:</Text>
      <WebinarFacts title={title} when={when} />
      <Text style={emailStyles.paragraph}>
        When someone cancels, the first person on the waiting list gets their place. If that is you, we will email you
        straight away, and your joining link will follow on the day.
      </Text>
      <Text style={emailStyles.paragraph}>
        If you cannot come, you can leave the waiting list on the webinar's page. If no place comes free, you can watch the
        recording afterwards: recordings are for members on the portal, usually a few days after the webinar, and the
        webinar's page links to it.
      </Text>
      <WebinarPageLink context={context} webinarId={webinarId}>
        Open the webinar's page
      </WebinarPageLink>
    </>
  ),
});
