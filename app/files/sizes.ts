/** File sizes as people read them. Browser-safe. */

/** A file size as people read it: "12 KB", "3.4 MB", "1.2 GB". */
export function fileSizeInWords(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** An upload limit in words, e.g. "2 GB", "100 MB" (limits are whole GB or MB). */
export function sizeInWords(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GB` : `${bytes / 1024 ** 2} MB`;
}
