import { Link, Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailButton, EmailHeading, emailStyles } from "./layout";

export interface WebinarAnnouncementProps {
  title: string;
  /** One date for a webinar; the first few for a series. Each like "Wednesday 7 April 2027, 1pm to 2pm". */
  dates: string[];
  series: boolean;
  description: string;
  /** /webinars/<id> for one webinar, /webinars for a series. */
  path: string;
  /** This copy's link that stops webinar and event emails without signing in (a placeholder in the bulk body). */
  unsubscribeUrl: string;
}

/**
 * To members who asked for webinar and event emails, when a webinar or series opens for registration.
 * The same for every recipient but its unsubscribe link: no name, never the meeting link.
 */
export const webinarAnnouncementEmail = defineEmail<WebinarAnnouncementProps>({
  name: "webinar-announcement",
  subject: ({ title, series }) => (series ? `New webinar series, open for registration: ${title}` : `New webinar, open for registration: ${title}`),
  preview: ({ dates }) => `${dates[0] ?? ""} (UK time)`,
  Body: ({ title, dates, series, description, path, unsubscribeUrl, context }) => (
    <>
      <EmailHeading>{title}</EmailHeading>
      <Text style={emailStyles.paragraph}>{series ? "A new webinar series every other week. The first dates (UK time):" : "When (UK time):"}</Text>
      <Text style={emailStyles.quote}>
        {dates.map((date, index) => (
          <span key={date}>
            {index > 0 ? <br /> : null}
            {date}
          </span>
        ))}
      </Text>
      <Text style={emailStyles.paragraph}>{description}</Text>
      <Text style={emailStyles.paragraph}>Places are limited and the network team approves each registration.</Text>
      <EmailButton href={`${context.appUrl}${path}`}>{series ? "See the dates and register" : "Register"}</EmailButton>
      <Text style={emailStyles.paragraph}>
        You get this email because you asked for webinar and event emails.{" "}
        <Link href={unsubscribeUrl}>Stop webinar and event emails</Link> (no need to sign in), or change your{" "}
        <Link href={`${context.appUrl}/account/preferences`}>email preferences</Link>.
      </Text>
    </>
  ),
});
