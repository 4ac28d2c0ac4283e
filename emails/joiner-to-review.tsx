import { Link, Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

export interface JoinerToReviewProps {
  fullName: string;
  organisation: string;
  domain: string;
}

/** Sent to each admin when a joiner from an organisation we do not know yet confirms their address. */
export const joinerToReviewEmail = defineEmail<JoinerToReviewProps>({
  name: "joiner-to-review",
  subject: () => "A new joiner is waiting for review",
  Body: ({ fullName, organisation, domain, context }) => (
    <>
      <EmailHeading>A new joiner is waiting for review</EmailHeading>
      <Text style={emailStyles.paragraph}>
        {fullName} from {organisation} has confirmed an email address at {domain}, which is not a domain we trust
        automatically.
      </Text>
      <Text style={emailStyles.paragraph}>
        <Link href={`${context.appUrl}/admin/members?status=pending`}>Review joiners in the staff tools</Link>.
      </Text>
    </>
  ),
});
