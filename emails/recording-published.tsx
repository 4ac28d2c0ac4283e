import { Link, Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailButton, EmailHeading, emailStyles } from "./layout";

export interface RecordingPublishedProps {
  fullName: string;
  recordingId: number;
  title: string;
  webinarTitle: string;
  hasSlides: boolean;
  /** This copy's link that stops webinar and event emails without signing in. */
  unsubscribeUrl: string;
}

/**
 * To each member who registered for a webinar and asked for event emails, once, when its recording
 * is published. The link opens the recording's page, which changes nothing.
 */
export const recordingPublishedEmail = defineEmail<RecordingPublishedProps>({
  name: "recording-published",
  // Each copy is queued on its own, its "stop" link (the member's unsubscribe token) in its body.
  sensitive: true,
  subject: ({ title }) => `Recording available: ${title}`,
  preview: ({ hasSlides }) => (hasSlides ? "Watch the recording and download the slides." : "Watch the recording when it suits you."),
  Body: ({ fullName, recordingId, title, webinarTitle, hasSlides, unsubscribeUrl, context }) => (
    <>
      <EmailHeading>The recording is ready</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>
        You registered for the webinar “{webinarTitle}”. The recording, “{title}”, is now in the members’ library, with
        captions and a transcript{hasSlides ? ", and the slides to download" : ""}.
      </Text>
      <EmailButton href={`${context.appUrl}/recordings/${recordingId}`}>Watch the recording</EmailButton>
      <Text style={emailStyles.paragraph}>You will need to sign in with this email address to watch it.</Text>
      <Text style={emailStyles.paragraph}>
        We sent this because you asked for emails about network events.{" "}
        <Link href={unsubscribeUrl}>Stop webinar and event emails</Link> (no need to sign in), or change them in your
        account’s email preferences: {context.appUrl}/account/preferences
      </Text>
    </>
  ),
});
