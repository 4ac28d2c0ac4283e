import { randomBytes } from "node:crypto";
import type { RecordingFile } from "#db/schema";
import { nowIso } from "~/clock.server";
import { FILE_FORMATS } from "~/files/formats.server";
import type { UploadRule } from "~/files/upload-rules";

/**
 * What each kind of recording file accepts. The formats are recognised from the file's content by the
 * shared upload receiver (~/files/uploads.server); captions and videos get their own checks here.
 */
export type UploadKind = RecordingFile["kind"];
export type RecordingFormat = RecordingFile["format"];

export const UPLOAD_KINDS = {
  video: {
    formats: ["mp4", "webm"],
    maxBytes: 2 * 1024 ** 3,
    described: "an MP4 or WebM video",
    accept: "video/mp4,video/webm,.mp4,.webm",
  },
  captions: {
    formats: ["vtt"],
    maxBytes: 2 * 1024 ** 2,
    described: "a WebVTT captions file (.vtt)",
    accept: "text/vtt,.vtt",
  },
  slides: {
    formats: ["pdf", "pptx"],
    maxBytes: 100 * 1024 ** 2,
    described: "a PDF or PowerPoint (.pptx) file",
    accept: "application/pdf,application/vnd.openxmlformats-officedocument.presentationml.presentation,.pdf,.pptx",
  },
} as const satisfies Record<UploadKind, UploadRule<RecordingFormat> & { accept: string }>;

export function isUploadKind(value: unknown): value is UploadKind {
  return value === "video" || value === "captions" || value === "slides";
}

/** A file's public id: random, so one file's address says nothing about another's. */
export function newFileId(): string {
  return randomBytes(12).toString("base64url");
}

/** The recording_files row for a stored file: a new public id, and the content type its format is served as. */
export function recordingFileRow(recordingId: number, kind: UploadKind, file: { key: string; size: number; format: RecordingFormat }): RecordingFile {
  return {
    id: newFileId(),
    recording_id: recordingId,
    kind,
    format: file.format,
    content_type: FILE_FORMATS[file.format].contentType,
    storage_key: file.key,
    byte_size: file.size,
    created_at: nowIso(),
  };
}
