import nodemailer from "nodemailer";
import { config, type Config } from "~/config.server";
import type { StoredAttachment } from "./attachments.server";

/** An email as handed to the transport (a bulk message already has its recipient's values filled in). */
export interface OutgoingEmail {
  messageId: string;
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  date: Date;
  /** In nodemailer's own shape, so it is handed over as it is. */
  attachments: StoredAttachment[];
}

export interface MailTransport {
  /** "smtp" sends through SMTP_URL; "capture" keeps mail in the outbox for /dev/mail. */
  kind: "smtp" | "capture";
  /** How many messages it can usefully have in flight at once (its pool's connections); 1 if unset. */
  concurrency?: number;
  send(message: OutgoingEmail): Promise<void>;
  close(): void;
}

export const DEFAULT_MAIL_CONNECTIONS = 5;

/** `dkim` signs every message sent by SMTP (nodemailer's default header list covers List-Unsubscribe and List-Unsubscribe-Post). */
export function createMailTransport(
  smtpUrl: string | undefined,
  options: { connections?: number; dkim?: Config["dkim"] } = {},
): MailTransport {
  const connections = options.connections ?? DEFAULT_MAIL_CONNECTIONS;
  const dkim = "dkim" in options ? options.dkim : config().dkim;
  if (!smtpUrl) {
    // Still build the MIME message, so capture mode fails on the same bad input SMTP would.
    const builder = nodemailer.createTransport({ streamTransport: true, buffer: true });
    return {
      kind: "capture",
      concurrency: 1,
      async send(message) {
        await builder.sendMail(message);
      },
      close: () => builder.close(),
    };
  }
  // A pool keeps SMTP connections open between messages instead of a new handshake per email; the
  // worker keeps one message in flight per connection.
  const pooled = new URL(smtpUrl);
  pooled.searchParams.set("pool", "true");
  pooled.searchParams.set("maxConnections", String(connections));
  const smtp = nodemailer.createTransport(pooled.toString(), dkim ? { dkim } : undefined);
  return {
    kind: "smtp",
    concurrency: connections,
    async send(message) {
      await smtp.sendMail(message);
    },
    close: () => smtp.close(),
  };
}
