import { render, toPlainText } from "@react-email/render";
import type { EmailContext, EmailTemplate } from "#emails/define";
import { EmailLayout } from "#emails/layout";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders a template inside the shared layout, as HTML and as plain text. React renders once: the text
 * is converted from the HTML, which is what `render(…, { plainText: true })` does after a second render.
 */
export async function renderEmail<Props>(template: EmailTemplate<Props>, props: Props, context: EmailContext): Promise<RenderedEmail> {
  const subject = template.subject(props);
  const { Body } = template;
  const element = (
    <EmailLayout preview={template.preview?.(props) ?? subject} context={context}>
      <Body {...props} context={context} />
    </EmailLayout>
  );
  const html = await render(element);
  return { subject, html, text: toPlainText(html) };
}
