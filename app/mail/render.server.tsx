import { render } from "@react-email/render";
import type { EmailContext, EmailTemplate } from "#emails/define";
import { EmailLayout } from "#emails/layout";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Renders a template inside the shared layout, as HTML and as plain text. */
export async function renderEmail<Props>(template: EmailTemplate<Props>, props: Props, context: EmailContext): Promise<RenderedEmail> {
  const subject = template.subject(props);
  const { Body } = template;
  const element = (
    <EmailLayout preview={template.preview?.(props) ?? subject} context={context}>
      <Body {...props} context={context} />
    </EmailLayout>
  );
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
