import { toPlainText } from "@react-email/render";
import { renderToStaticMarkup } from "react-dom/server";
import type { EmailContext, EmailTemplate } from "#emails/define";
import { EmailLayout } from "#emails/layout";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * How the plain-text version is made from the HTML: as react-email does, except that headings keep their
 * case (html-to-text writes them in capitals, which is harder to read and which screen readers may spell out).
 */
export const PLAIN_TEXT_OPTIONS = {
  selectors: ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
};

/** The doctype react-email's `render` gives every email. */
const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * Renders a template inside the shared layout, as HTML and as plain text. Templates are synchronous, so
 * React's static renderer does it in about a sixth of the time of react-email's streaming `render`
 * (which waits for Suspense); the markup is the same less React's stream markers, and the text is
 * converted from it as react-email does, with PLAIN_TEXT_OPTIONS (tests/unit/emails.test.ts holds both
 * to react-email's output).
 */
export async function renderEmail<Props>(template: EmailTemplate<Props>, props: Props, context: EmailContext): Promise<RenderedEmail> {
  const subject = template.subject(props);
  const { Body } = template;
  const html =
    DOCTYPE +
    renderToStaticMarkup(
      <EmailLayout preview={template.preview?.(props) ?? subject} context={context}>
        <Body {...props} context={context} />
      </EmailLayout>,
    );
  return { subject, html, text: toPlainText(html, PLAIN_TEXT_OPTIONS) };
}
