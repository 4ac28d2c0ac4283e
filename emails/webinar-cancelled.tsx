import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailButton, EmailHeading, emailStyles } from "./layout";
import { calendarFileUrl, WebinarFacts, type WebinarEmailProps } from "./webinar-parts";

export interface WebinarCancelledProps extends WebinarEmailProps {
  reason: string;
}

/** Staff cancelled a webinar: everyone registered hears, with a calendar file that removes the entry. */
export const webinarCancelledEmail = defineEmail<WebinarCancelledProps>({
  name: "webinar-cancelled",
  subject: ({ title }) => `Cancelled: ${title}`,
  preview: ({ when }) => `The webinar on ${when} will not take place.`,
  Body: ({ fullName, title, when, reason, webinarId, context }) => (
    <>
      <EmailHeading>This webinar is cancelled</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>We are sorry: this webinar will not take place.</Text>
      <WebinarFacts title={title} when={when} />
      <Text style={emailStyles.quote}>{reason}</Text>
      <Text style={emailStyles.paragraph}>
        Your registration and any joining link for it have ended. If you added it to your calendar, open the calendar file
        attached to this email, or use this button, to take it out:
      </Text>
      <EmailButton href={calendarFileUrl(context, webinarId)}>Remove from calendar</EmailButton>
      <Text style={emailStyles.paragraph}>See the other webinars you can register for at {context.appUrl}/webinars.</Text>
    </>
  ),
});
