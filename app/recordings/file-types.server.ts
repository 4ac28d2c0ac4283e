import { randomBytes } from "node:crypto";
import type { RecordingFile } from "#db/schema";
import type { FileStorage } from "./storage.server";

/**
 * What each kind of upload accepts, recognised from the file's first bytes (its "magic number") and,
 * for slides, its structure: never from its name or the type the browser claims.
 */
export type UploadKind = RecordingFile["kind"];
export type FileFormat = RecordingFile["format"];

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
} as const satisfies Record<UploadKind, { formats: readonly FileFormat[]; maxBytes: number; described: string; accept: string }>;

export function isUploadKind(value: unknown): value is UploadKind {
  return value === "video" || value === "captions" || value === "slides";
}

export const CONTENT_TYPES: Record<FileFormat, string> = {
  mp4: "video/mp4",
  webm: "video/webm",
  vtt: "text/vtt; charset=utf-8",
  pdf: "application/pdf",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

/** How many leading bytes `sniffFormat` needs to decide. */
export const SNIFF_BYTES = 64;

/**
 * The format a file's first bytes show, or undefined. A ZIP file is only a candidate for PPTX here:
 * `isPowerPoint` confirms it from the stored file's directory.
 */
export function sniffFormat(head: Buffer): FileFormat | undefined {
  // MP4 (ISO base media): a box whose type is "ftyp" first.
  if (head.length >= 12 && head.toString("latin1", 4, 8) === "ftyp") return "mp4";
  // WebM: an EBML header whose DocType is "webm" (plain Matroska is refused: browsers may not play it).
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3 && head.includes("webm", 0, "latin1")) return "webm";
  if (head.toString("latin1", 0, 5) === "%PDF-") return "pdf";
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return "pptx";
  // WebVTT: an optional byte order mark, "WEBVTT", then a space, tab or line break (or nothing more).
  const text = head.subarray(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0);
  if (text.toString("latin1", 0, 6) === "WEBVTT" && (text.length === 6 || [0x20, 0x09, 0x0a, 0x0d].includes(text[6]!))) return "vtt";
  return undefined;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/**
 * Whether a stored ZIP file is a PowerPoint presentation: its central directory (at the end of the
 * file) lists "[Content_Types].xml" and entries under "ppt/". Reads at most a few hundred KB.
 */
export async function isPowerPoint(storage: FileStorage, key: string, size: number): Promise<boolean> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await storage.readBytes(key, size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return false;
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directorySize > 4 * 1024 ** 2 || directoryOffset + directorySize > size) return false;
  const directory = await storage.readBytes(key, directoryOffset, directorySize);
  const names = new Set<string>();
  for (let at = 0; at + 46 <= directory.length && directory.readUInt32LE(at) === DIRECTORY_ENTRY; ) {
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    names.add(directory.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names.has("[Content_Types].xml") && [...names].some((name) => name.startsWith("ppt/"));
}

/** A file's public id: random, so one file's address says nothing about another's. */
export function newFileId(): string {
  return randomBytes(12).toString("base64url");
}
