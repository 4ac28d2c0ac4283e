import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";
import type { Config } from "~/config.server";
import { createMailTransport, type MailTransport } from "~/mail/transport.server";

export interface RawMail {
  /** Envelope recipients, lower-cased. */
  to: string[];
  /** The message exactly as received (headers folded as sent). */
  raw: string;
}

/**
 * An SMTP server on 127.0.0.1 that keeps each message's raw text, for checking headers byte for byte
 * and verifying signatures. It can refuse chosen addresses for good (550 5.1.1), take a while over
 * each message, and stop acknowledging messages to leave one in flight.
 */
export class RawSmtpSink {
  readonly received: RawMail[] = [];
  /** Addresses refused at RCPT TO with "550 5.1.1". */
  readonly refuse = new Set<string>();
  /** How long each message takes to accept. */
  delayMs = 0;
  /**
   * Once this many messages have arrived, later ones are kept but never acknowledged (no "250"), so the
   * sender is stuck with a message in flight: what a worker killed at that moment leaves behind.
   */
  stopAcknowledgingAfter = Number.POSITIVE_INFINITY;
  private server: SMTPServer | undefined;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      disableReverseLookup: true,
      closeTimeout: 50,
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.refuse.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
          this.received.push({ to, raw: Buffer.concat(chunks).toString("utf8") });
          if (this.received.length > this.stopAcknowledgingAfter) return;
          void sleep(this.delayMs).then(() => callback());
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Every value of a header in a raw message, unfolded (RFC 5322 2.2.3), in order. */
export function headerValues(raw: string, name: string): string[] {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const unfolded = head.replace(/\r?\n(?=[ \t])/g, "");
  const prefix = `${name.toLowerCase()}:`;
  return unfolded
    .split(/\r?\n/)
    .filter((line) => line.toLowerCase().startsWith(prefix))
    .map((line) => line.slice(prefix.length).trim());
}

/**
 * A RawSmtpSink started for the test file's tests and a transport delivering to it, unsigned unless
 * `dkim` (asked once the sink is up) gives a key. Both are closed after the file's tests.
 */
export function useRawSmtpSink(dkim: () => Config["dkim"] = () => undefined): { sink: RawSmtpSink; transport: MailTransport } {
  const mail = { sink: new RawSmtpSink(), transport: undefined as unknown as MailTransport };
  beforeAll(async () => {
    await mail.sink.start();
    mail.transport = createMailTransport(mail.sink.url, { dkim: dkim() });
  });
  afterAll(async () => {
    mail.transport.close();
    await mail.sink.stop();
  });
  return mail;
}
