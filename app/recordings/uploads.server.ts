import { receiveFile, type Refusal, type RefusalStatus } from "~/files/uploads.server";
import type { FileStorage } from "~/files/storage.server";
import { checkCaptions, type CaptionCue } from "./captions.server";
import { UPLOAD_KINDS, type RecordingFormat, type UploadKind } from "./file-types.server";
import { videoDuration } from "./media-duration.server";

/**
 * Receives a recording's video, captions or slides through the shared upload receiver (streamed to
 * storage, type from content, size limit by kind), then checks what only recordings need: captions
 * against the WebVTT rules, and a video's length from its header.
 */

export interface StoredUpload {
  key: string;
  size: number;
  format: RecordingFormat;
  /** Videos: the length the file's header gives, if it gives one. */
  durationSeconds?: number;
  /** Captions: the parsed cues. */
  cues?: CaptionCue[];
}

export type UploadResult = { ok: true; fields: Record<string, string>; file: StoredUpload } | Refusal;

export async function receiveUpload(request: Request, kind: UploadKind, storage: FileStorage): Promise<UploadResult> {
  const spec = UPLOAD_KINDS[kind];
  const received = await receiveFile(request, spec, storage);
  if (!received.ok) return received;
  const { fields, file } = received;
  if (!file) return { ok: false, fields, problems: [`Choose ${spec.described} to upload`], status: 400 };
  const upload: StoredUpload = { key: file.key, size: file.size, format: file.format };
  const refuse = async (problems: string[], status: RefusalStatus): Promise<UploadResult> => {
    await storage.delete(file.key);
    return { ok: false, fields, problems, status };
  };
  if (file.format === "vtt") {
    const check = checkCaptions(await storage.readBytes(file.key, 0, file.size));
    if (!check.ok) {
      // Said once, before the first: by the field the problems run on as one text.
      const [first, ...more] = check.problems;
      return refuse([`The captions file has ${more.length ? "problems" : "a problem"}. ${first}`, ...more], 400);
    }
    return { ok: true, fields, file: { ...upload, cues: check.cues } };
  }
  if (file.format === "mp4" || file.format === "webm") {
    return { ok: true, fields, file: { ...upload, durationSeconds: await videoDuration(storage, file.key, file.size, file.format) } };
  }
  return { ok: true, fields, file: upload };
}
