import type { Readable } from "node:stream";
import { stripHiddenCharacters } from "~/lib/plain-text";
import type { FileStorage } from "./storage.server";

/**
 * The kinds of file the portal accepts anywhere, recognised from the file's content (its first bytes,
 * and for Office files its structure): never from its name or the type the browser claims. Each
 * feature says which of these it takes (an UploadRule in ./uploads.server).
 */
export type FileFormat = "mp4" | "webm" | "vtt" | "pdf" | "pptx" | "docx" | "xlsx" | "txt" | "png" | "jpeg";

/** Office Open XML files: ZIP files told apart by the folders inside. */
export type OfficeFormat = "docx" | "xlsx" | "pptx";

export const FILE_FORMATS: Record<FileFormat, { contentType: string; extensions: readonly string[]; described: string }> = {
  mp4: { contentType: "video/mp4", extensions: ["mp4"], described: "an MP4 video" },
  webm: { contentType: "video/webm", extensions: ["webm"], described: "a WebM video" },
  vtt: { contentType: "text/vtt; charset=utf-8", extensions: ["vtt"], described: "a WebVTT captions file" },
  pdf: { contentType: "application/pdf", extensions: ["pdf"], described: "a PDF document" },
  pptx: { contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extensions: ["pptx"], described: "a presentation" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"], described: "a Word document" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"], described: "a spreadsheet" },
  txt: { contentType: "text/plain; charset=utf-8", extensions: ["txt"], described: "a plain text file" },
  png: { contentType: "image/png", extensions: ["png"], described: "a PNG image" },
  jpeg: { contentType: "image/jpeg", extensions: ["jpg", "jpeg"], described: "a JPEG image" },
};

/** The folder inside an Office file's ZIP that says which kind it is. */
const OFFICE_FOLDERS: Record<OfficeFormat, string> = { docx: "word/", xlsx: "xl/", pptx: "ppt/" };

export function isOfficeFormat(format: FileFormat): format is OfficeFormat {
  return format in OFFICE_FOLDERS;
}

/** How many leading bytes `sniffFormat` needs to decide. */
export const SNIFF_BYTES = 64;

/** What a file's first bytes show: a format with a signature, or "zip" for what may be an Office file. */
export type Sniffed = Exclude<FileFormat, OfficeFormat | "txt"> | "zip";

/**
 * Major brands of MP4 video files. Other files share the ISO base media layout (AVIF and HEIC images,
 * M4A audio, QuickTime films): their major brand says so. Compatible brands are no guide, since M4A
 * audio lists "isom" and "mp42" among them.
 */
const MP4_VIDEO_BRANDS = new Set(["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "MSNV", "f4v "]);

/**
 * The format a file's first bytes show, or undefined. A ZIP file is only a candidate for an Office
 * format here: `officeFormat` decides from the stored file's directory. Plain text has no signature:
 * `looksLikeText` and `isPlainText` recognise it where it is allowed.
 */
export function sniffFormat(head: Buffer): Sniffed | undefined {
  // MP4: an ISO base media "ftyp" box first, whose major brand is an MP4 video's.
  if (head.length >= 12 && head.toString("latin1", 4, 8) === "ftyp" && MP4_VIDEO_BRANDS.has(head.toString("latin1", 8, 12))) return "mp4";
  // WebM: an EBML header whose DocType is "webm" (plain Matroska is refused: browsers may not play it).
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3 && head.includes("webm", 0, "latin1")) return "webm";
  if (head.toString("latin1", 0, 5) === "%PDF-") return "pdf";
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return "zip";
  if (head.length >= 8 && head.readUInt32BE(0) === 0x89504e47 && head.readUInt32BE(4) === 0x0d0a1a0a) return "png";
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  // WebVTT: an optional byte order mark, "WEBVTT", then a space, tab or line break (or nothing more).
  const text = head.subarray(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0);
  if (text.toString("latin1", 0, 6) === "WEBVTT" && (text.length === 6 || [0x20, 0x09, 0x0a, 0x0d].includes(text[6]!))) return "vtt";
  return undefined;
}

/** Control characters that plain text does not contain (tab, line feed, form feed and carriage return are fine). */
const NOT_TEXT = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/**
 * Whether text decodes as UTF-8 without control characters. `partial` allows an unfinished character
 * at the end (the first bytes of a file can stop inside one).
 */
function textChunk(decoder: TextDecoder, bytes: Buffer, partial: boolean): boolean {
  try {
    return !NOT_TEXT.test(decoder.decode(bytes, { stream: partial }));
  } catch {
    return false;
  }
}

/** Whether a file's first bytes could begin a plain text file. */
export function looksLikeText(head: Buffer): boolean {
  return textChunk(new TextDecoder("utf-8", { fatal: true }), head, true);
}

/** Whether a whole stored file is plain text (UTF-8, no control characters), read as a stream. */
export async function isPlainText(storage: FileStorage, key: string): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const source: Readable = storage.read(key);
  try {
    for await (const chunk of source) if (!textChunk(decoder, chunk as Buffer, true)) return false;
    return textChunk(decoder, Buffer.alloc(0), false);
  } finally {
    source.destroy();
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The entry names in a stored ZIP file's central directory (at the end of the file). Reads at most a few hundred KB. */
async function zipEntryNames(storage: FileStorage, key: string, size: number): Promise<Set<string>> {
  const names = new Set<string>();
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await storage.readBytes(key, size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return names;
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directorySize > 4 * 1024 ** 2 || directoryOffset + directorySize > size) return names;
  const directory = await storage.readBytes(key, directoryOffset, directorySize);
  for (let at = 0; at + 46 <= directory.length && directory.readUInt32LE(at) === DIRECTORY_ENTRY; ) {
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    names.add(directory.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * Which of the `allowed` Office formats a stored ZIP file is: its directory lists "[Content_Types].xml"
 * and entries under the format's folder ("word/", "xl/" or "ppt/"). Undefined for any other ZIP.
 */
export async function officeFormat(storage: FileStorage, key: string, size: number, allowed: readonly OfficeFormat[]): Promise<OfficeFormat | undefined> {
  const names = await zipEntryNames(storage, key, size);
  if (!names.has("[Content_Types].xml")) return undefined;
  return allowed.find((format) => [...names].some((name) => name.startsWith(OFFICE_FOLDERS[format])));
}

/** A name for saving a file: without characters file systems refuse, never empty, at most 120 characters before its extension. */
export function safeFileName(name: string, fallback: string): string {
  // Hidden characters first (bidi overrides could make "cod.exe.pdf" display as something else), then
  // the characters file systems refuse.
  return stripHiddenCharacters(name).replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 120).trim() || fallback;
}

/**
 * The name an uploaded file is kept and offered under: its own name made safe, ending with its
 * format's extension (added when the name does not have it), so a saved file opens as what it is.
 */
export function storedFileName(uploadedName: string, format: FileFormat): string {
  const { extensions } = FILE_FORMATS[format];
  const dot = uploadedName.lastIndexOf(".");
  const extension = dot > 0 ? uploadedName.slice(dot + 1).toLowerCase() : "";
  const base = safeFileName(extensions.includes(extension) ? uploadedName.slice(0, dot) : uploadedName, "Document");
  return `${base}.${extensions.includes(extension) ? extension : extensions[0]}`;
}
