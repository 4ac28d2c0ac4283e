import { Link, Text } from "@react-email/components";
import type { EmailContext } from "./define";
import { emailStyles } from "./layout";

/** What every email about one webinar and one person's place carries. */
export interface WebinarEmailProps {
  fullName: string;
  title: string;
  /** In UK time, e.g. "Wednesday 7 April 2027, 1pm to 2pm". */
  when: string;
  webinarId: number;
}

export function webinarPageUrl(context: EmailContext, webinarId: number): string {
  return `${context.appUrl}/webinars/${webinarId}`;
}

/** The public calendar file: never holds the meeting link, so it is safe in any email. */
export function calendarFileUrl(context: EmailContext, webinarId: number): string {
  return `${context.appUrl}/webinars/${webinarId}/calendar.ics`;
}

/** The webinar's title and time, set apart so they are easy to find. */
export function WebinarFacts({ title, when }: { title: string; when: string }) {
  return (
    <Text style={emailStyles.quote}>
      <strong>{title}</strong>
      <br />
      {when} (UK time)
    </Text>
  );
}

export function WebinarPageLink({ context, webinarId, children }: { context: EmailContext; webinarId: number; children: string }) {
  return (
    <Text style={emailStyles.paragraph}>
      <Link href={webinarPageUrl(context, webinarId)}>{children}</Link>
    </Text>
  );
}
