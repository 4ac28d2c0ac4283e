import { Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailButton, EmailHeading, emailStyles } from "./layout";
import { WebinarFacts, WebinarPageLink, type WebinarEmailProps } from "./webinar-parts";

export interface WebinarJoiningLinkProps extends WebinarEmailProps {
  /** The personal link's token: /j/<token> opens a page that changes nothing; its button joins. */
  token: string;
  /** e.g. "12:30pm": when the Join button starts working. */
  joinOpens: string;
}

/** The personal joining link, sent on the day (10:00 UK time) or at once to anyone given a place later. */
export const webinarJoiningLinkEmail = defineEmail<WebinarJoiningLinkProps>({
  name: "webinar-joining-link",
  // The link is a key to the meeting until the end: its body is removed from the outbox once delivered.
  sensitive: true,
  subject: ({ title }) => `Your joining link: ${title}`,
  preview: ({ when }) => `${when} (UK time). This link is for you only.`,
  Body: ({ fullName, title, when, token, joinOpens, webinarId, context }) => (
    <>
      <EmailHeading>Your joining link</EmailHeading>
      <Text style={emailStyles.paragraph}>Dear {fullName},</Text>
      <Text style={emailStyles.paragraph}>Here is your personal link for:</Text>
      <WebinarFacts title={title} when={when} />
      <EmailButton href={`${context.appUrl}/j/${token}`}>Open your joining page</EmailButton>
      <Text style={emailStyles.paragraph}>
        The page has a Join the webinar button from {joinOpens}, 30 minutes before the start, until the end.
      </Text>
      <Text style={emailStyles.paragraph}>
        <strong>Please do not forward or share this link.</strong> It is yours alone: we can see when one link is used
        from several devices. Colleagues can register for their own place.
      </Text>
      <Text style={emailStyles.paragraph}>
        If this email goes missing, sign in and open the webinar's page: you can have the link sent again, or join from
        there. Check your spam or junk folder first. If you still cannot join, email {context.contactEmail} with the
        webinar's title.
      </Text>
      <WebinarPageLink context={context} webinarId={webinarId}>
        Open the webinar's page
      </WebinarPageLink>
    </>
  ),
});
