import { z } from "zod";

/** A file attached to one email, e.g. a webinar's calendar file. */
export interface EmailAttachment {
  /** The name mail clients show and save it under; keep it to safe characters. */
  filename: string;
  /** The full MIME type, parameters included (e.g. "text/calendar; charset=utf-8; method=PUBLISH"). */
  contentType: string;
  /** Text is stored and sent as UTF-8. */
  content: string | Uint8Array;
}

/** An attachment as it is sent and shown: its exact bytes. */
export interface StoredAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

const storedAttachments = z.array(z.object({ filename: z.string().min(1), contentType: z.string().min(1), base64: z.string() }));

/**
 * The outbox column's value: the bytes as base64, so a retry sends exactly what was queued (text and
 * binary alike). Null when there are none, so rows without attachments stay as small as before.
 */
export function attachmentsColumn(attachments: readonly EmailAttachment[] | undefined): string | null {
  if (!attachments?.length) return null;
  return JSON.stringify(attachments.map(encoded));
}

/** Each attachment encoded once, however many recipients' rows carry it (a cancellation goes to everyone registered). */
const encodings = new WeakMap<EmailAttachment, { filename: string; contentType: string; base64: string }>();

function encoded(attachment: EmailAttachment) {
  let stored = encodings.get(attachment);
  if (!stored) {
    const { filename, contentType, content } = attachment;
    stored = { filename, contentType, base64: (typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content)).toString("base64") };
    encodings.set(attachment, stored);
  }
  return stored;
}

export function readAttachments(column: string | null): StoredAttachment[] {
  if (column === null) return [];
  return storedAttachments.parse(JSON.parse(column)).map(({ filename, contentType, base64 }) => ({
    filename,
    contentType,
    content: Buffer.from(base64, "base64"),
  }));
}
