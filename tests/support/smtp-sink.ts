import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  messageId: string | undefined;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Attached files as received; their bytes as base64, so the e2e sink can hand them over as JSON. */
  attachments: Array<{ filename: string | undefined; contentType: string; params: Record<string, string>; base64: string }>;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives. It can be stopped and started again
 * on the same port to play an outage.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Recipients the server refuses, with the reply it gives (e.g. 550 for a mailbox that does not exist). */
  readonly refuse = new Map<string, { code: number; message: string }>();
  private server: SMTPServer | undefined;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      disableReverseLookup: true,
      // Drop open (pooled) connections at once when stopped, as a crashed mail server would.
      closeTimeout: 50,
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const refusal = this.refuse.get(address.address.toLowerCase());
        if (!refusal) return callback();
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.received.push(toReceived(mail));
            callback();
          })
          .catch(callback);
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

  /** Waits until a message matching `predicate` has arrived. */
  async waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No matching email within ${timeoutMs} ms (got ${this.received.length})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export function toReceived(mail: ParsedMail): ReceivedMail {
  const to = [mail.to].flat().flatMap((address) => address?.value.map((v) => (v.address ?? "").toLowerCase()) ?? []);
  const headers: Record<string, string> = {};
  for (const [key, value] of mail.headers) headers[key] = typeof value === "string" ? value : JSON.stringify(value);
  return {
    to,
    messageId: mail.messageId,
    subject: mail.subject ?? "",
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : "",
    headers,
    attachments: mail.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      // The Content-Type parameters (charset, method, name): mailparser keeps them only on the part's header.
      params: (attachment.headers.get("content-type") as { params?: Record<string, string> } | undefined)?.params ?? {},
      base64: attachment.content.toString("base64"),
    })),
  };
}
