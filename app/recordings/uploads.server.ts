import { Readable, Transform, type TransformCallback } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { checkCaptions, type CaptionCue } from "./captions.server";
import { isPowerPoint, sniffFormat, SNIFF_BYTES, UPLOAD_KINDS, type FileFormat, type UploadKind } from "./file-types.server";
import { videoDuration } from "./media-duration.server";
import type { FileStorage } from "./storage.server";
import { sizeInWords } from "./durations";

/**
 * Receives one uploaded file from a multipart form as it streams in: the bytes go straight to the
 * storage module (never held whole in memory), the type is decided from the first bytes, and the
 * size limit for that kind of file is enforced while it arrives.
 */

export interface StoredUpload {
  key: string;
  size: number;
  format: FileFormat;
  /** Videos: the length the file's header gives, if it gives one. */
  durationSeconds?: number;
  /** Captions: the parsed cues. */
  cues?: CaptionCue[];
}

/** Why an upload was refused, as an HTTP status: too large, not an allowed type, or missing or unusable. */
export type RefusalStatus = 413 | 415 | 400;

export type UploadResult =
  | { ok: true; fields: Record<string, string>; file: StoredUpload }
  | { ok: false; fields: Record<string, string>; problems: string[]; status: RefusalStatus };

const FORMAT_NAMES: Record<FileFormat, string> = {
  mp4: "an MP4 video",
  webm: "a WebM video",
  vtt: "a WebVTT captions file",
  pdf: "a PDF document",
  pptx: "a ZIP file",
};

/** The refusal for a file over its kind's limit; the upload page shows the same words before sending. */
export function tooLargeMessage(kind: UploadKind): string {
  return `The selected file must be smaller than ${sizeInWords(UPLOAD_KINDS[kind].maxBytes)}`;
}

class WrongType extends Error {
  constructor(readonly detected: FileFormat | undefined) {
    super("file content is not an allowed type");
  }
}

/** Passes bytes through once the first few show an allowed format; fails the stream otherwise. */
class FormatGate extends Transform {
  format: FileFormat | undefined;
  private head = Buffer.alloc(0);

  constructor(private readonly allowed: readonly FileFormat[]) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.format) return done(null, chunk);
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < SNIFF_BYTES) return done();
    this.decide(done);
  }

  override _flush(done: TransformCallback): void {
    if (this.format) return done();
    this.decide(done);
  }

  private decide(done: TransformCallback): void {
    const format = sniffFormat(this.head);
    if (!format || !this.allowed.includes(format)) return done(new WrongType(format));
    this.format = format;
    const head = this.head;
    this.head = Buffer.alloc(0);
    done(null, head);
  }
}

export async function receiveUpload(request: Request, kind: UploadKind, storage: FileStorage): Promise<UploadResult> {
  const spec = UPLOAD_KINDS[kind];
  const fields: Record<string, string> = {};
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) {
    return { ok: false, fields, problems: [`Choose ${spec.described} to upload`], status: 400 };
  }
  const tooLarge = tooLargeMessage(kind);
  if (Number(request.headers.get("content-length") ?? 0) > spec.maxBytes + 64 * 1024) {
    // Refused before reading, so a large mistaken upload costs nothing. The body is left unread.
    return { ok: false, fields, problems: [tooLarge], status: 413 };
  }

  let stored: Promise<{ key: string; size: number; format: FileFormat } | { problem: string; status: RefusalStatus }> | undefined;
  const parser = busboy({
    headers: { "content-type": contentType },
    limits: { files: 1, fileSize: spec.maxBytes, fields: 10, fieldSize: 10_000, parts: 12 },
  });
  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || stored || !info.filename) {
      stream.resume();
      return;
    }
    let truncated = false;
    stream.on("limit", () => {
      truncated = true;
    });
    const gate = new FormatGate(spec.formats);
    // The gate can refuse the file before the storage has started reading it; the refusal still
    // reaches `put` (a stream that has failed fails the pipeline), so only keep it from being unhandled.
    gate.on("error", () => undefined);
    stored = storage.put(stream.pipe(gate)).then(
      async ({ key, size }) => {
        if (truncated) {
          await storage.delete(key);
          return { problem: tooLarge, status: 413 as const };
        }
        if (size === 0 || !gate.format) {
          await storage.delete(key);
          return { problem: "The selected file is empty", status: 400 as const };
        }
        return { key, size, format: gate.format };
      },
      (error: unknown) => {
        // Read and drop the rest of the file so the form's other fields still arrive.
        stream.resume();
        if (error instanceof WrongType) {
          const found = error.detected ? ` (this one is ${FORMAT_NAMES[error.detected]})` : "";
          return { problem: `The selected file must be ${spec.described}${found}`, status: 415 as const };
        }
        if (truncated) return { problem: tooLarge, status: 413 as const };
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
    return { ok: false, fields, problems: ["The upload did not finish. Check your connection and try again"], status: 400 };
  }
  const outcome = await stored;
  if (!outcome) return { ok: false, fields, problems: [`Choose ${spec.described} to upload`], status: 400 };
  if ("problem" in outcome) return { ok: false, fields, problems: [outcome.problem], status: outcome.status };
  return checkContent(outcome, fields, storage);
}

/** The checks that need the whole file: PowerPoint structure, captions syntax, video length. */
async function checkContent(
  file: { key: string; size: number; format: FileFormat },
  fields: Record<string, string>,
  storage: FileStorage,
): Promise<UploadResult> {
  const refuse = async (problems: string[], status: RefusalStatus): Promise<UploadResult> => {
    await storage.delete(file.key);
    return { ok: false, fields, problems, status };
  };
  if (file.format === "pptx") {
    if (!(await isPowerPoint(storage, file.key, file.size))) {
      return refuse(["The selected file must be a PDF or PowerPoint (.pptx) file (this one is a ZIP file that is not a presentation)"], 415);
    }
    return { ok: true, fields, file };
  }
  if (file.format === "vtt") {
    const check = checkCaptions(await storage.readBytes(file.key, 0, file.size));
    if (!check.ok) return refuse(check.problems.map((problem) => `The captions file has a problem. ${problem}`), 400);
    return { ok: true, fields, file: { ...file, cues: check.cues } };
  }
  if (file.format === "mp4" || file.format === "webm") {
    return { ok: true, fields, file: { ...file, durationSeconds: await videoDuration(storage, file.key, file.size, file.format) } };
  }
  return { ok: true, fields, file };
}
