import { Text } from "@react-email/components";
import { defineEmail, type EmailContext } from "./define";
import { EmailButton, EmailHeading, emailStyles } from "./layout";
import { calendarFileUrl, WebinarFacts, WebinarPageLink, type WebinarEmailProps } from "./webinar-parts";

export interface WebinarPlaceProps extends WebinarEmailProps {
  /** When the joining link will be emailed, e.g. "at 10am on Wednesday 7 April 2027"; null if it is on its way now. */
  linksSendAt: string | null;
}

/** What happens next for someone with a place: the calendar file now, the joining link on the day. */
export function PlaceDetails({ webinarId, linksSendAt, context }: WebinarPlaceProps & { context: EmailContext }) {
  return (
    <>
      <Text style={emailStyles.paragraph}>
        Add it to your calendar so you do not miss it: open the calendar file attached to this email, or use this button:
      </Text>
      <EmailButton href={calendarFileUrl(context, webinarId)}>Add to calendar</EmailButton>
      <Text style={emailStyles.paragraph}>
        {linksSendAt
          ? `Your personal joining link will arrive by email ${linksSendAt}. The calendar entry does not include it.`
          : "Your personal joining link is on its way in a separate email. The calendar entry does not include it."}
      </Text>
      <Text style={emailStyles.paragraph}>
        If you can no longer come, please cancel your place on the webinar's page, so that someone on the waiting list
        can have it.
      </Text>
      <WebinarPageLink context={context} webinarId={webinarId}>
        Open the webinar's page
      </WebinarPageLink>
    </>
  );
}

/** Staff approved a registration and there was a place. */
export const webinarRegistrationApprovedEmail = defineEmail<WebinarPlaceProps>({
  name: "webinar-registration-approved",
  subject: ({ title }) => `Your place is confirmed: ${title}`,
  preview: ({ when }) => `${when} (UK time)`,
  Body: (props) => (
    <>
      <EmailHeading>Your place is confirmed</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {props.fullName},</Text>
      <Text style={emailStyles.paragraph}>The network team has approved your registration for:</Text>
      <WebinarFacts title={props.title} when={props.when} />
      <PlaceDetails {...props} />
    </>
  ),
});
