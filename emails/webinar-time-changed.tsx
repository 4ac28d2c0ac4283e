import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailButton, EmailHeading, emailStyles } from "./layout";
import { calendarFileUrl, WebinarFacts, WebinarPageLink, type WebinarEmailProps } from "./webinar-parts";

export interface WebinarTimeChangedProps extends WebinarEmailProps {
  previousWhen: string;
  /** For people with a place: when the joining link will come, or null when nothing changes about it. */
  linksSendAt: string | null;
}

/** Staff moved a webinar: everyone registered hears the new time and gets an updated calendar file. */
export const webinarTimeChangedEmail = defineEmail<WebinarTimeChangedProps>({
  name: "webinar-time-changed",
  subject: ({ title }) => `New time: ${title}`,
  preview: ({ when }) => `It now takes place on ${when} (UK time).`,
  Body: ({ fullName, title, when, previousWhen, linksSendAt, webinarId, context }) => (
    <>
      <EmailHeading>This webinar has a new time</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>The webinar you registered for has moved. It was on {previousWhen}. It is now:</Text>
      <WebinarFacts title={title} when={when} />
      <Text style={emailStyles.paragraph}>Open the calendar file attached to this email, or use this button, to update your calendar:</Text>
      <EmailButton href={calendarFileUrl(context, webinarId)}>Update my calendar</EmailButton>
      {linksSendAt ? (
        <Text style={emailStyles.paragraph}>If you have a place, your personal joining link will arrive by email {linksSendAt}.</Text>
      ) : null}
      <Text style={emailStyles.paragraph}>If you can no longer come, please cancel on the webinar's page.</Text>
      <WebinarPageLink context={context} webinarId={webinarId}>
        Open the webinar's page
      </WebinarPageLink>
    </>
  ),
});
