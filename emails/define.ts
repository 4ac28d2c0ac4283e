import type { ReactElement } from "react";

/** What every email template receives besides its own props. */
export interface EmailContext {
  appUrl: string;
  contactEmail: string;
}

/**
 * An email template: a name (kept on the outbox row), a subject and a body component with typed props.
 * The layout and the HTML and plain-text rendering are shared (app/mail/render.server.tsx).
 */
export interface EmailTemplate<Props> {
  name: string;
  subject: (props: Props) => string;
  /** Short text some mail clients show after the subject. */
  preview?: (props: Props) => string;
  Body: (props: Props & { context: EmailContext }) => ReactElement;
  /**
   * The email's own body carries a live secret (a sign-in or confirmation code and link, a joining link,
   * an unsubscribe link). Once delivered by SMTP its body is removed from the outbox, so a copy of the
   * database cannot be used in its place. Bulk email never is: its links are per-recipient values.
   */
  sensitive?: boolean;
}

export function defineEmail<Props>(template: EmailTemplate<Props>): EmailTemplate<Props> {
  return template;
}
