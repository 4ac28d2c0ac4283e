import type { FileStorage } from "~/files/storage.server";

/**
 * A stored video's length in seconds, read from its header (MP4 "mvhd" box, WebM "Duration"), or
 * undefined when the file does not say. Reads only box and element headers, never the media itself,
 * so it costs the same for a 2 GB file as for a small one.
 */
export async function videoDuration(storage: FileStorage, key: string, size: number, format: "mp4" | "webm"): Promise<number | undefined> {
  try {
    return format === "mp4" ? await mp4Duration(storage, key, size) : await webmDuration(storage, key);
  } catch {
    return undefined;
  }
}

interface Box {
  type: string;
  start: number;
  headerSize: number;
  end: number;
}

async function boxAt(storage: FileStorage, key: string, position: number, limit: number): Promise<Box | undefined> {
  if (position + 8 > limit) return undefined;
  const header = await storage.readBytes(key, position, 16);
  if (header.length < 8) return undefined;
  let size = header.readUInt32BE(0);
  let headerSize = 8;
  if (size === 1) {
    size = Number(header.readBigUInt64BE(8));
    headerSize = 16;
  } else if (size === 0) {
    size = limit - position;
  }
  if (size < headerSize) return undefined;
  return { type: header.toString("latin1", 4, 8), start: position, headerSize, end: Math.min(position + size, limit) };
}

async function findBox(storage: FileStorage, key: string, type: string, from: number, to: number): Promise<Box | undefined> {
  // A file has a handful of top-level boxes, but cap the walk so a crafted file cannot keep us reading.
  for (let position = from, steps = 0; position < to && steps < 1000; steps++) {
    const box = await boxAt(storage, key, position, to);
    if (!box) return undefined;
    if (box.type === type) return box;
    position = box.end;
  }
  return undefined;
}

async function mp4Duration(storage: FileStorage, key: string, size: number): Promise<number | undefined> {
  const movie = await findBox(storage, key, "moov", 0, size);
  if (!movie) return undefined;
  const header = await findBox(storage, key, "mvhd", movie.start + movie.headerSize, movie.end);
  if (!header) return undefined;
  const body = await storage.readBytes(key, header.start + header.headerSize, 32);
  const version = body[0];
  const timescale = version === 1 ? body.readUInt32BE(20) : body.readUInt32BE(12);
  const duration = version === 1 ? Number(body.readBigUInt64BE(24)) : body.readUInt32BE(16);
  if (!timescale || duration === 0xffffffff) return undefined;
  return duration / timescale;
}

/** An EBML variable-length integer: its length, and its value without (size) or with (id) the marker bits. */
function readVint(buffer: Buffer, at: number, keepMarker: boolean): { length: number; value: number } | undefined {
  const first = buffer[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (at + length > buffer.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + buffer[at + i]!;
  return { length, value };
}

const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;

/** WebM keeps Info near the start of the Segment, so the first 64 KB is enough. */
async function webmDuration(storage: FileStorage, key: string): Promise<number | undefined> {
  const head = await storage.readBytes(key, 0, 64 * 1024);
  let at = 0;
  let scale = 1_000_000;
  let duration: number | undefined;
  let end = head.length;
  while (at < end) {
    const id = readVint(head, at, true);
    if (!id) return undefined;
    const size = readVint(head, at + id.length, false);
    if (!size) return undefined;
    const dataStart = at + id.length + size.length;
    // Descend into the Segment and its Info; step over everything else.
    if (id.value === SEGMENT) {
      at = dataStart;
      continue;
    }
    if (id.value === INFO) {
      end = Math.min(head.length, dataStart + size.value);
      at = dataStart;
      continue;
    }
    if (id.value === TIMECODE_SCALE) scale = head.readUIntBE(dataStart, size.value);
    if (id.value === DURATION) duration = size.value === 4 ? head.readFloatBE(dataStart) : head.readDoubleBE(dataStart);
    at = dataStart + size.value;
  }
  return duration === undefined ? undefined : (duration * scale) / 1e9;
}
