import nodemailer from "nodemailer";
import type { OutboxMessage } from "#db/schema";
import { config, type Config } from "~/config.server";

export interface MailTransport {
  /** "smtp" sends through SMTP_URL; "capture" keeps mail in the outbox for /dev/mail. */
  kind: "smtp" | "capture";
  send(message: OutboxMessage): Promise<void>;
  close(): void;
}

function toNodemailer(message: OutboxMessage) {
  return {
    messageId: message.message_id,
    from: message.from_address,
    to: message.to_address,
    replyTo: message.reply_to ?? undefined,
    subject: message.subject,
    html: message.html,
    text: message.text,
    headers: JSON.parse(message.headers_json) as Record<string, string>,
    date: new Date(message.created_at),
  };
}

/** `dkim` signs every message sent by SMTP (nodemailer's default header list covers List-Unsubscribe and List-Unsubscribe-Post). */
export function createMailTransport(smtpUrl: string | undefined, dkim: Config["dkim"] = config().dkim): MailTransport {
  if (!smtpUrl) {
    // Still build the MIME message, so capture mode fails on the same bad input SMTP would.
    const builder = nodemailer.createTransport({ streamTransport: true, buffer: true });
    return {
      kind: "capture",
      async send(message) {
        await builder.sendMail(toNodemailer(message));
      },
      close: () => builder.close(),
    };
  }
  // A pool keeps SMTP connections open between messages instead of a new handshake per email.
  const pooled = new URL(smtpUrl);
  pooled.searchParams.set("pool", "true");
  const smtp = nodemailer.createTransport(pooled.toString(), dkim ? { dkim } : undefined);
  return {
    kind: "smtp",
    async send(message) {
      await smtp.sendMail(toNodemailer(message));
    },
    close: () => smtp.close(),
  };
}
