import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { config } from "~/config.server";

/**
 * Where uploaded files live. The portal only ever asks for these operations, so object storage (an
 * S3-compatible bucket, say) can replace the local disk by implementing the same interface. Keys are
 * random and chosen here; an uploaded file's own name never reaches the disk.
 */
export interface FileStorage {
  /** Stores the stream under a new random key; returns the key and the size written. */
  put(source: Readable): Promise<{ key: string; size: number }>;
  /** Size of a stored file, or undefined when there is none. */
  size(key: string): Promise<number | undefined>;
  /** Reads bytes `start` to `end` inclusive (the whole file without a range), streaming. */
  read(key: string, range?: { start: number; end: number }): Readable;
  /** Reads up to `length` bytes at `position` (for checking a file's structure). */
  readBytes(key: string, position: number, length: number): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/** A random storage key: 32 hex characters, nothing else, so it is always a safe file name. */
export function newStorageKey(): string {
  return randomBytes(16).toString("hex");
}

const KEY = /^[a-f0-9]{32}$/;

/**
 * Reads in 256 KB chunks rather than Node's default 64 KB: each chunk crosses the web stream to the
 * response writer, so bigger chunks mean a quarter of the per-chunk work for a video, at 256 KB held per viewer.
 */
const READ_CHUNK_BYTES = 256 * 1024;

function checkedKey(key: string): string {
  // Keys come from our own table, but a path must never be built from anything else.
  if (!KEY.test(key)) throw new Error("invalid storage key");
  return key;
}

/** Files on the local disk under `root`, written to a temporary name first so a half-written file is never served. */
export function localDiskStorage(root: string): FileStorage {
  const pathOf = (key: string) => join(root, checkedKey(key));
  return {
    async put(source) {
      await mkdir(root, { recursive: true });
      const key = newStorageKey();
      const temporary = join(root, `${key}.part`);
      const out = createWriteStream(temporary, { flags: "wx" });
      try {
        await pipeline(source, out);
        await rename(temporary, pathOf(key));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return { key, size: out.bytesWritten };
    },
    async size(key) {
      try {
        return (await stat(pathOf(key))).size;
      } catch {
        return undefined;
      }
    },
    read(key, range) {
      return createReadStream(pathOf(key), { highWaterMark: READ_CHUNK_BYTES, ...(range && { start: range.start, end: range.end }) });
    },
    async readBytes(key, position, length) {
      const handle = await open(pathOf(key), "r");
      try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, position);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

let instance: FileStorage | undefined;

/** The portal's file storage: the local disk under STORAGE_PATH. */
export function fileStorage(): FileStorage {
  instance ??= localDiskStorage(config().storagePath);
  return instance;
}
