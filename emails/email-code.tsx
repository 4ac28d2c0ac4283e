import { Text } from "@react-email/components";
import { EmailButton, emailStyles } from "./layout";

export interface EmailCodeProps {
  link: string;
  code: string;
  /** How long the link and code work, in minutes. */
  validMinutes: number;
}

/**
 * The link-and-code block of every verification email. The link opens a page with a button (mail
 * scanners open links, so opening one changes nothing); the code is for typing on another device.
 */
export function EmailCode({ link, code, validMinutes, buttonText }: EmailCodeProps & { buttonText: string }) {
  return (
    <>
      <EmailButton href={link}>{buttonText}</EmailButton>
      <Text style={emailStyles.paragraph}>Or enter this code on the page where you asked for it:</Text>
      <Text style={emailStyles.code}>{code}</Text>
      <Text style={emailStyles.paragraph}>
        The link and the code work once, for {validMinutes} minutes. Never share the code: our staff will not ask you for it.
      </Text>
    </>
  );
}
