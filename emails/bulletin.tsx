import { Hr, Link, Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

export interface BulletinEmailProps {
  subject: string;
  preheader: string;
  /** The body as sanitised, inline-styled HTML from app/bulletin/markdown.server.ts, never anything else. */
  bodyHtml: string;
  /** The bulletin in the portal's archive. */
  archiveUrl: string;
  /** This member's own unsubscribe page (the same address as the List-Unsubscribe header). */
  unsubscribeUrl: string;
  /** A copy staff send themselves before sending it to everyone. */
  test?: boolean;
}

const footnote = { fontSize: "14px", lineHeight: "20px", color: "#4c6272", margin: "0 0 12px" } as const;

/** The monthly bulletin, one copy per subscribed member, each with its own unsubscribe link. */
export const bulletinEmail = defineEmail<BulletinEmailProps>({
  name: "bulletin",
  subject: ({ subject, test }) => (test ? `Test: ${subject}` : subject),
  preview: ({ preheader, subject }) => preheader || subject,
  Body: ({ subject, bodyHtml, archiveUrl, unsubscribeUrl, test, context }) => (
    <>
      {test ? (
        <Text style={emailStyles.quote}>This is a test copy sent only to you. Members have not been sent this bulletin yet.</Text>
      ) : null}
      <EmailHeading>{subject}</EmailHeading>
      <div dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      <Hr />
      <Text style={footnote}>
        You get the monthly bulletin because you asked for it. To stop it, go to{" "}
        <Link href={unsubscribeUrl} style={emailStyles.link}>
          unsubscribe from the bulletin
        </Link> and press the button there: you do not need to sign
        in. Other emails about your membership will still arrive.
      </Text>
      <Text style={footnote}>
        Read this bulletin and past ones on the portal: <Link href={archiveUrl} style={emailStyles.link}>
          {archiveUrl}
        </Link>. Choose which emails you
        get in your <Link href={`${context.appUrl}/account/preferences`} style={emailStyles.link}>
          email preferences
        </Link>.
      </Text>
    </>
  ),
});
