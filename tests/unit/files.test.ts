import { describe, expect, it } from "vitest";
import { contentDisposition, parseRange } from "~/files/file-response.server";
import { looksLikeText, sniffFormat, storedFileName } from "~/files/formats.server";

describe("Range headers", () => {
  it("reads single byte ranges and leaves the rest to a whole-file answer", () => {
    expect(parseRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange("bytes=990-2000", 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRange("bytes=-0", 1000)).toBe("unsatisfiable");
    for (const header of [null, "", "items=0-1", "bytes=5-1", "bytes=0-1,3-4", "bytes=-", "bytes=a-b"]) expect(parseRange(header, 1000), String(header)).toBeUndefined();
  });
});

describe("download names (RFC 6266)", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("attachment", "Siân's talk – slides.pdf")).toBe(
      `attachment; filename="Sian's talk slides.pdf"; filename*=UTF-8''Si%C3%A2n%27s%20talk%20%E2%80%93%20slides.pdf`,
    );
    expect(contentDisposition("inline", 'a"b\\c.vtt')).toBe(`inline; filename="abc.vtt"; filename*=UTF-8''a%22b%5Cc.vtt`);
  });
});

describe("file types from content", () => {
  it("recognises each allowed format by its first bytes", () => {
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from("ftypisom"), Buffer.alloc(52)]);
    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]), Buffer.from("webm"), Buffer.alloc(52)]);
    expect(sniffFormat(mp4)).toBe("mp4");
    expect(sniffFormat(webm)).toBe("webm");
    expect(sniffFormat(Buffer.from("%PDF-1.7\n..."))).toBe("pdf");
    expect(sniffFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe("zip");
    expect(sniffFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe("png");
    expect(sniffFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("jpeg");
    expect(sniffFormat(Buffer.from("WEBVTT\n\n"))).toBe("vtt");
    expect(sniffFormat(Buffer.from("\ufeffWEBVTT - with a header\n"))).toBe("vtt");
    expect(sniffFormat(Buffer.from("WEBVTTX\n"))).toBeUndefined();
    expect(sniffFormat(Buffer.from("<html><body>not a video"))).toBeUndefined();
  });

  it("takes an ISO base media file as MP4 video only when its major brand is an MP4 video's", () => {
    // A box size, "ftyp", the major brand, a version, the compatible brands; then the next box.
    const isoMedia = (major: string, ...compatible: string[]) =>
      Buffer.concat([Buffer.from([0, 0, 0, 16 + 4 * compatible.length]), Buffer.from(`ftyp${major}\0\0\0\0${compatible.join("")}`, "latin1"), Buffer.alloc(32)]);
    for (const brand of ["isom", "mp42", "avc1", "M4V ", "dash"]) expect(sniffFormat(isoMedia(brand, "isom")), brand).toBe("mp4");
    expect(sniffFormat(isoMedia("avif", "avif", "mif1", "miaf"))).toBeUndefined();
    expect(sniffFormat(isoMedia("heic", "mif1", "heic"))).toBeUndefined();
    expect(sniffFormat(isoMedia("M4A ", "M4A ", "mp42", "isom"))).toBeUndefined();
    expect(sniffFormat(isoMedia("qt  ", "qt  "))).toBeUndefined();
  });
});

describe("plain text", () => {
  it("is UTF-8 without control characters, and its first bytes may stop inside a character", () => {
    expect(looksLikeText(Buffer.from("Referral checklist\r\n\t- Housing\n"))).toBe(true);
    expect(looksLikeText(Buffer.from("Café").subarray(0, 4))).toBe(true);
    expect(looksLikeText(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]))).toBe(false);
    expect(looksLikeText(Buffer.from([0x61, 0xff, 0x62]))).toBe(false);
  });
});

describe("names of uploaded files", () => {
  it("keeps a safe name ending with the (lower-case) extension of what the file is", () => {
    expect(storedFileName("Referral guide.PDF", "pdf")).toBe("Referral guide.pdf");
    expect(storedFileName("photo.jpeg", "jpeg")).toBe("photo.jpeg");
    expect(storedFileName("setup.exe", "pdf")).toBe("setup.exe.pdf");
    expect(storedFileName('a<b>:"c"/d\u0007.docx', "docx")).toBe("a b c d.docx");
    expect(storedFileName("", "txt")).toBe("Document.txt");
  });
});
