import { Readable, Transform, type TransformCallback } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { FILE_FORMATS, isOfficeFormat, isPlainText, looksLikeText, officeFormat, sniffFormat, SNIFF_BYTES, type FileFormat, type OfficeFormat, type Sniffed } from "./formats.server";
import { tooLargeMessage, type UploadRule } from "./upload-rules";
import type { FileStorage } from "./storage.server";

/**
 * Receives one uploaded file (the form field "file") from a multipart form as it streams in: the bytes
 * go straight to storage (never held whole in memory), the type is decided from the content, and the
 * rule's size limit is enforced while it arrives. The form's other fields come back as text.
 */

export interface StoredFile<F extends FileFormat = FileFormat> {
  key: string;
  size: number;
  format: F;
  /** The name the browser sent, as sent: for display only once made safe (storedFileName), never for the disk. */
  uploadedName: string;
}

/** Why an upload was refused, as an HTTP status: too large, not an allowed type, or missing or unusable. */
export type RefusalStatus = 413 | 415 | 400;

/** `unread`: refused on its declared size alone, so none of the form's fields are known either. */
export type Refusal = { ok: false; fields: Record<string, string>; problems: string[]; status: RefusalStatus; unread?: true };

/** A form with its file stored, or without one when none was chosen (the caller decides whether that is a problem). */
export type Received<F extends FileFormat> = { ok: true; fields: Record<string, string>; file: StoredFile<F> | undefined } | Refusal;

/** Whether the request is a multipart form, the only kind that can carry a file. */
function isMultipartForm(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data") && request.body !== null;
}

function describe(sniffed: Sniffed): string {
  return sniffed === "zip" ? "a ZIP file" : FILE_FORMATS[sniffed].described;
}

/** "a Word document, a spreadsheet or a presentation" */
function eitherOf(phrases: string[]): string {
  return phrases.length > 1 ? `${phrases.slice(0, -1).join(", ")} or ${phrases.at(-1)}` : (phrases[0] ?? "");
}

class WrongType extends Error {
  constructor(readonly detected: Sniffed | undefined) {
    super("file content is not an allowed type");
  }
}

/**
 * Passes bytes through once the first few show an allowed format (or, for an Office format, a ZIP);
 * fails the stream otherwise. Plain text, having no signature, passes where it is allowed when the
 * first bytes are text; the whole file is checked once stored.
 */
class FormatGate extends Transform {
  candidate: Sniffed | "txt" | undefined;
  private head = Buffer.alloc(0);

  constructor(private readonly allowed: readonly FileFormat[]) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.candidate) return done(null, chunk);
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < SNIFF_BYTES) return done();
    this.decide(done);
  }

  override _flush(done: TransformCallback): void {
    // An empty file has no format to decide: it ends with no candidate, and is refused as empty.
    if (this.candidate || this.head.length === 0) return done();
    this.decide(done);
  }

  private decide(done: TransformCallback): void {
    const sniffed = sniffFormat(this.head);
    const allowed = sniffed === "zip" ? this.allowed.some(isOfficeFormat) : sniffed !== undefined && this.allowed.includes(sniffed);
    const text = sniffed === undefined && this.allowed.includes("txt") && looksLikeText(this.head);
    if (!allowed && !text) return done(new WrongType(sniffed));
    this.candidate = text ? "txt" : sniffed;
    const head = this.head;
    this.head = Buffer.alloc(0);
    done(null, head);
  }
}

const UNREADABLE_FORM = "The upload did not finish. Check your connection and try again";

export async function receiveFile<F extends FileFormat>(request: Request, rule: UploadRule<F>, storage: FileStorage): Promise<Received<F>> {
  if (!isMultipartForm(request)) {
    // A form without a file (removing a resource, say): its fields as text.
    return { ok: true, fields: Object.fromEntries([...(await request.formData())].map(([name, value]) => [name, String(value)])), file: undefined };
  }
  const fields: Record<string, string> = {};
  const tooLarge = tooLargeMessage(rule);
  if (Number(request.headers.get("content-length") ?? 0) > rule.maxBytes + 64 * 1024) {
    // Refused before reading, so a large mistaken upload costs nothing. The body is left unread.
    return { ok: false, fields, problems: [tooLarge], status: 413, unread: true };
  }

  type Outcome = { key: string; size: number; candidate: Sniffed | "txt"; uploadedName: string } | { problem: string; status: RefusalStatus };
  let stored: Promise<Outcome> | undefined;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": request.headers.get("content-type") ?? "" },
      // Browsers send a file's name as UTF-8 bytes; busboy would read them as Latin-1.
      defParamCharset: "utf8",
      limits: { files: 1, fileSize: rule.maxBytes, fields: 10, fieldSize: 10_000, parts: 12 },
    });
  } catch {
    // busboy refuses a multipart type it cannot read (an empty boundary, say) before reading anything.
    return { ok: false, fields, problems: [UNREADABLE_FORM], status: 400, unread: true };
  }
  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    const uploadedName = info.filename;
    if (name !== "file" || stored || !uploadedName) {
      stream.resume();
      return;
    }
    let truncated = false;
    stream.on("limit", () => {
      truncated = true;
    });
    const gate = new FormatGate(rule.formats);
    // The gate can refuse the file before the storage has started reading it; the refusal still
    // reaches `put` (a stream that has failed fails the pipeline), so only keep it from being unhandled.
    gate.on("error", () => undefined);
    stored = storage.put(stream.pipe(gate)).then(
      async ({ key, size }): Promise<Outcome> => {
        if (truncated) {
          await storage.delete(key);
          return { problem: tooLarge, status: 413 };
        }
        // The gate decides on the first bytes: a file without any has no candidate format.
        if (!gate.candidate) {
          await storage.delete(key);
          return { problem: "The selected file is empty", status: 400 };
        }
        return { key, size, candidate: gate.candidate, uploadedName };
      },
      (error: unknown): Outcome => {
        // Read and drop the rest of the file so the form's other fields still arrive.
        stream.resume();
        if (error instanceof WrongType) {
          const found = error.detected ? ` (this one is ${describe(error.detected)})` : "";
          return { problem: `The selected file must be ${rule.described}${found}`, status: 415 };
        }
        if (truncated) return { problem: tooLarge, status: 413 };
        throw error;
      },
    );
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on("close", resolve);
    parser.on("error", reject);
  });
  const body = Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>);
  body.on("error", (error) => parser.destroy(error));
  body.pipe(parser);
  try {
    await finished;
  } catch {
    const partial = await stored?.catch(() => undefined);
    if (partial && "key" in partial) await storage.delete(partial.key);
    return { ok: false, fields, problems: [UNREADABLE_FORM], status: 400 };
  }
  const outcome = await stored;
  if (!outcome) return { ok: true, fields, file: undefined };
  if ("problem" in outcome) return { ok: false, fields, problems: [outcome.problem], status: outcome.status };
  const format = await confirmFormat(outcome, rule, storage);
  if (!format.ok) {
    await storage.delete(outcome.key);
    return { ok: false, fields, problems: [format.problem], status: 415 };
  }
  return { ok: true, fields, file: { key: outcome.key, size: outcome.size, format: format.format, uploadedName: outcome.uploadedName } };
}

/** The checks on the stored file that its first bytes could not settle: which Office file a ZIP is, and whether text is text throughout. */
async function confirmFormat<F extends FileFormat>(
  file: { key: string; size: number; candidate: Sniffed | "txt" },
  rule: UploadRule<F>,
  storage: FileStorage,
): Promise<{ ok: true; format: F } | { ok: false; problem: string }> {
  if (file.candidate === "zip") {
    const office = rule.formats.filter((format): format is F & OfficeFormat => isOfficeFormat(format));
    const format = await officeFormat(storage, file.key, file.size, office);
    if (format) return { ok: true, format: format as F };
    const not = eitherOf(office.map((format) => FILE_FORMATS[format].described));
    return { ok: false, problem: `The selected file must be ${rule.described} (this one is a ZIP file that is not ${not})` };
  }
  if (file.candidate === "txt" && !(await isPlainText(storage, file.key))) {
    return { ok: false, problem: `The selected file must be ${rule.described}` };
  }
  return { ok: true, format: file.candidate as F };
}
