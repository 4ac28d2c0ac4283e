import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";
import { PlaceDetails, type WebinarPlaceProps } from "./webinar-registration-approved";
import { WebinarFacts } from "./webinar-parts";

/** Someone on the waiting list has been given a place that came free. */
export const webinarPlaceOfferedEmail = defineEmail<WebinarPlaceProps>({
  name: "webinar-place-offered",
  subject: ({ title }) => `A place has come up for you: ${title}`,
  preview: ({ when }) => `You now have a place. ${when} (UK time)`,
  Body: (props) => (
    <>
      <EmailHeading>You have a place</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {props.fullName},</Text>
      <Text style={emailStyles.paragraph}>
        A place has come free and you were next on the waiting list, so you now have a place at:
      </Text>
      <WebinarFacts title={props.title} when={props.when} />
      <PlaceDetails {...props} />
    </>
  ),
});
