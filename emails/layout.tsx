import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { EmailContext } from "./define";

const colours = { blue: "#005eb8", text: "#212b32", secondary: "#4c6272", background: "#f0f4f5" };
const font = "Arial, Helvetica, sans-serif";

/** Plain NHS-style email: blue band with the network's name, white body, help footer. */
export function EmailLayout({ preview, context, children }: { preview: string; context: EmailContext; children: ReactNode }) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colours.background, fontFamily: font, color: colours.text, margin: 0 }}>
        <Container style={{ maxWidth: "600px", backgroundColor: "#ffffff" }}>
          <Section style={{ backgroundColor: colours.blue, padding: "16px 24px" }}>
            <Text style={{ color: "#ffffff", fontSize: "20px", fontWeight: "bold", margin: 0 }}>Social Prescribing Network</Text>
          </Section>
          <Section style={{ padding: "8px 24px 16px", fontSize: "16px", lineHeight: "24px" }}>{children}</Section>
          <Hr />
          <Section style={{ padding: "0 24px 16px" }}>
            <Text style={{ color: colours.secondary, fontSize: "14px" }}>
              Questions? Email{" "}
              <Link href={`mailto:${context.contactEmail}`} style={emailStyles.link}>
                {context.contactEmail}
              </Link>{" "}
              or read the{" "}
              <Link href={`${context.appUrl}/faq`} style={emailStyles.link}>
                questions and answers
              </Link>
              .
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const emailStyles = {
  paragraph: { fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
  // NHS blue and underlined: enough contrast on white, and a link is not told apart by colour alone.
  link: { color: colours.blue, textDecoration: "underline" },
  button: {
    backgroundColor: "#007f3b",
    color: "#ffffff",
    padding: "12px 16px",
    fontWeight: "bold",
    textDecoration: "none",
    display: "inline-block",
  },
  quote: { fontSize: "16px", lineHeight: "24px", margin: "0 0 16px", padding: "8px 16px", borderLeft: "4px solid #005eb8" },
  code: { fontSize: "32px", letterSpacing: "6px", fontWeight: "bold", margin: "8px 0 16px" },
} as const;

/**
 * The email's title, as its one h1: a screen reader can find it and list it as a heading, and the
 * headings within a bulletin (h2 and below) sit under it.
 */
export function EmailHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={{ fontSize: "24px", lineHeight: "32px", fontWeight: "bold", margin: "16px 0" }}>
      {children}
    </Heading>
  );
}

/** The email's one call to action. In a paragraph so the text after it keeps its distance in every mail client. */
export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Text style={{ margin: "8px 0 24px" }}>
      <Button href={href} style={emailStyles.button}>
        {children}
      </Button>
    </Text>
  );
}
