import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { publishRecording } from "~/recordings/admin.server";
import { onePagePdf } from "~/files/generated-pdf.server";
import { fileStorage } from "~/files/storage.server";
import { receiveUpload } from "~/recordings/uploads.server";
import * as fileRoute from "~/routes/recordings.$id.files.$fileId";
import * as uploadRoute from "~/routes/admin.recordings.$id.upload.$kind";
import { createAdmin, createMember, outcome, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";
import { addWebinar, captionsFor, completeRecording, DEMO_MP4, draftRecording } from "../support/recordings";
import { zip } from "../support/files";
import { renderPage } from "../support/render-page";

/** Range requests on stored files, and what uploads accept: checked from content, never from the name. */
const { database } = setUpDatabaseTests();

describe("range requests", () => {
  async function videoRequest() {
    const admin = await createAdmin();
    const id = await completeRecording(admin.id, await addWebinar(database));
    await publishRecording(admin.id, id);
    const file = await database.selectFrom("recording_files").selectAll().where("recording_id", "=", id).where("kind", "=", "video").executeTakeFirstOrThrow();
    const cookie = await sessionCookieFor((await createMember()).id);
    const whole = readFileSync(DEMO_MP4);
    const get = async (range?: string, method = "GET") => {
      const headers = new Headers({ Cookie: cookie });
      if (range) headers.set("Range", range);
      const request = new Request(`http://localhost/recordings/${id}/files/${file.id}`, { headers, method });
      return (await fileRoute.loader({ request, params: { id: String(id), fileId: file.id }, context: testContext })) as Response;
    };
    return { get, whole, size: whole.length };
  }

  it("answers a range with 206, Content-Range and exactly the requested bytes", async () => {
    const { get, whole, size } = await videoRequest();
    const response = await get("bytes=100-1123");
    expect(response.status).toBe(206);
    expect(response.headers.get("Content-Range")).toBe(`bytes 100-1123/${size}`);
    expect(response.headers.get("Content-Length")).toBe("1024");
    expect(response.headers.get("Content-Type")).toBe("video/mp4");
    expect(response.headers.get("Accept-Ranges")).toBe("bytes");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(whole.subarray(100, 1124));
  });

  it("serves open-ended and suffix ranges, and clips an end past the file", async () => {
    const { get, whole, size } = await videoRequest();
    const open = await get(`bytes=${size - 10}-`);
    expect(open.headers.get("Content-Range")).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect(Buffer.from(await open.arrayBuffer())).toEqual(whole.subarray(size - 10));
    const suffix = await get("bytes=-5");
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(whole.subarray(size - 5));
    const clipped = await get(`bytes=0-${size + 1000}`);
    expect(clipped.status).toBe(206);
    expect(clipped.headers.get("Content-Range")).toBe(`bytes 0-${size - 1}/${size}`);
  });

  it("answers a range beyond the end with 416 and bytes */size, and no range with the whole file", async () => {
    const { get, whole, size } = await videoRequest();
    for (const range of [`bytes=${size}-`, `bytes=${size + 5}-${size + 10}`, "bytes=-0"]) {
      const response = await get(range);
      expect(response.status, range).toBe(416);
      expect(response.headers.get("Content-Range")).toBe(`bytes */${size}`);
    }
    const full = await get();
    expect(full.status).toBe(200);
    expect(full.headers.get("Content-Length")).toBe(String(size));
    expect(Buffer.from(await full.arrayBuffer())).toEqual(whole);
    // Several ranges at once are not supported, so the whole file is sent (RFC 9110 allows ignoring Range).
    expect((await get("bytes=0-1,5-6")).status).toBe(200);
  });

  it("ignores Range on a HEAD request, which answers as a GET without one would", async () => {
    const { get, size } = await videoRequest();
    for (const range of ["bytes=100-1123", `bytes=${size}-`]) {
      const response = await get(range, "HEAD");
      expect(response.status, range).toBe(200);
      expect(response.headers.get("Content-Length")).toBe(String(size));
      expect(response.headers.get("Content-Range")).toBeNull();
    }
  });
});

/** An upload the page refused: the status it answered with and the problems it shows by each field. */
function refused(result: unknown): { status: number | undefined; fileErrors: string[]; summaryErrors: string[] } {
  const value = result as { data: { fileErrors: string[]; summaryErrors: string[] }; init: ResponseInit | null };
  return { status: value.init?.status, ...value.data };
}

describe("uploads", () => {
  async function uploader() {
    const admin = await createAdmin();
    const id = await draftRecording(admin.id, await addWebinar(database));
    const cookie = await sessionCookieFor(admin.id);
    const upload = async (kind: string, data: Buffer, filename: string, fields: Record<string, string> = {}) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append("file", new Blob([new Uint8Array(data)]), filename);
      const request = new Request(`http://localhost/admin/recordings/${id}/upload/${kind}`, { method: "POST", body: form, headers: { Cookie: cookie } });
      return outcome(() => uploadRoute.action({ request, params: { id: String(id), kind }, context: testContext }));
    };
    return { id, upload };
  }

  const storedFiles = async () => (await readdir(config().storagePath).catch(() => [] as string[])).sort();

  it("refuses a file whose content is not an allowed type, whatever its name, with a clear message, and keeps nothing", async () => {
    const { upload } = await uploader();
    const before = await storedFiles();
    const pdfAsVideo = refused(await upload("video", onePagePdf("Not a video", []), "webinar.mp4"));
    expect(pdfAsVideo.fileErrors).toEqual(["The selected file must be an MP4 or WebM video (this one is a PDF document)"]);
    expect(pdfAsVideo.status).toBe(415);
    const textAsSlides = refused(await upload("slides", Buffer.from("just some text, not slides at all, long enough to check".repeat(3)), "slides.pdf", { summary: "A summary." }));
    expect(textAsSlides.fileErrors).toEqual(["The selected file must be a PDF or PowerPoint (.pptx) file"]);
    const plainZip = refused(await upload("slides", zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>" }), "deck.pptx", { summary: "A summary." }));
    expect(plainZip.status).toBe(415);
    expect(plainZip.fileErrors[0]).toMatch(/PowerPoint \(\.pptx\) file \(this one is a ZIP file that is not a presentation\)/);
    expect(await storedFiles()).toEqual(before);
  });

  it("accepts a PowerPoint file (a ZIP with ppt/ entries) and stores it under a random name, never the uploaded one", async () => {
    const { id, upload } = await uploader();
    const result = (await upload("slides", zip({ "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p:presentation/>" }), "../../evil name.pptx", {
      summary: "Two slides about referrals.",
    })) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/admin/recordings/${id}`);
    expect(result.headers.get("Set-Cookie")).toMatch(/^spn_flash=/);
    const file = await database.selectFrom("recording_files").selectAll().where("recording_id", "=", id).executeTakeFirstOrThrow();
    expect(file).toMatchObject({ kind: "slides", format: "pptx", content_type: "application/vnd.openxmlformats-officedocument.presentationml.presentation" });
    expect(file.storage_key).toMatch(/^[a-f0-9]{32}$/);
    expect(await storedFiles()).toContain(file.storage_key);
    expect((await storedFiles()).some((name) => name.includes("evil"))).toBe(false);
  });

  it("refuses a malformed captions file, naming the line of each problem", async () => {
    const { upload } = await uploader();
    const malformed = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello and welcome.\n\n00:00:05.000 -> 00:00:09.000\nThis cue's arrow is wrong.\n";
    const result = refused(await upload("captions", Buffer.from(malformed), "captions.vtt"));
    // Line 6 has "->" for "-->", so the W3C parser reads it as a cue's name and expects timings on line 7.
    expect(result.fileErrors).toEqual(["The captions file has problems. Line 7: Cue identifier needs to be followed by timestamp.", "Line 8: Cue identifier cannot be standalone."]);
    expect(result.status).toBe(400);
    const unsigned = refused(await upload("captions", Buffer.from("00:00:01.000 --> 00:00:04.000\nNo header\n"), "captions.vtt"));
    expect(unsigned.fileErrors).toEqual(["The selected file must be a WebVTT captions file (.vtt)"]);
  });

  it("says an empty file is empty, whatever kind it was meant to be", async () => {
    const { upload } = await uploader();
    const before = await storedFiles();
    for (const [kind, fields] of [["video", {}], ["captions", {}], ["slides", { summary: "A summary." }]] as const) {
      const result = refused(await upload(kind, Buffer.alloc(0), "empty.file", fields));
      expect(result.fileErrors, kind).toEqual(["The selected file is empty"]);
      expect(result.status, kind).toBe(400);
    }
    expect(await storedFiles()).toEqual(before);
  });

  it("shows a captions file's problems by the field as one text: said once, a full stop between each", async () => {
    const admin = await createAdmin();
    const id = await draftRecording(admin.id, await addWebinar(database));
    const form = new FormData();
    form.append("file", new Blob(["WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello.\n\n00:00:05.000 -> 00:00:09.000\nWrong arrow.\n"]), "captions.vtt");
    const request = new Request(`http://localhost/admin/recordings/${id}/upload/captions`, { method: "POST", body: form, headers: { Cookie: await sessionCookieFor(admin.id) } });
    const page = await renderPage(uploadRoute, request, { path: "/admin/recordings/:id/upload/:kind" });
    expect(page.text).toContain(
      "Error: The captions file has problems. Line 7: Cue identifier needs to be followed by timestamp. Line 8: Cue identifier cannot be standalone.",
    );
    const one = await uploader();
    const single = refused(await one.upload("captions", Buffer.from("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello.\n\nnote\n"), "captions.vtt"));
    expect(single.fileErrors).toEqual(["The captions file has a problem. Line 7: Cue identifier cannot be standalone."]);
  });

  it("accepts valid captions, keeps where they end and indexes their words", async () => {
    const { id, upload } = await uploader();
    const result = (await upload("captions", captionsFor(600), "captions.vtt")) as Response;
    expect(result.status).toBe(302);
    const recording = await database.selectFrom("recordings").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(recording.captions_end_seconds).toBe(600);
  });

  it("refuses a file over its kind's size limit while it streams in", async () => {
    const { upload } = await uploader();
    const header = "WEBVTT\n\n";
    const tooBig = Buffer.concat([Buffer.from(header), Buffer.alloc(2 * 1024 * 1024, "a")]);
    const result = refused(await upload("captions", tooBig, "huge.vtt"));
    expect(result.fileErrors).toEqual(["The selected file must be smaller than 2 MB"]);
    expect(result.status).toBe(413);
  });

  it("reads a video's length from its header (MP4 with the index first or last, WebM)", async () => {
    const storage = fileStorage();
    for (const [file, seconds, type] of [
      ["fixtures/demo/demo-45min.mp4", 2700, "video/mp4"],
      ["fixtures/demo/demo-61min.mp4", 3660, "video/mp4"],
      ["fixtures/demo/demo-52min.webm", 3150, "video/webm"],
    ] as const) {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(readFileSync(file))], { type }), "video");
      const result = await receiveUpload(new Request("http://localhost/x", { method: "POST", body: form }), "video", storage);
      expect(result.ok, file).toBe(true);
      if (result.ok) expect(Math.round(result.file.durationSeconds ?? 0), file).toBe(seconds);
    }
  });

  it("without a file, asks for one", async () => {
    const { id } = await uploader();
    const admin = await createAdmin();
    const form = new FormData();
    form.append("file", new Blob([]), "");
    const request = new Request(`http://localhost/admin/recordings/${id}/upload/video`, { method: "POST", body: form, headers: { Cookie: await sessionCookieFor(admin.id) } });
    const result = refused(await uploadRoute.action({ request, params: { id: String(id), kind: "video" }, context: testContext }));
    expect(result.fileErrors).toEqual(["Choose an MP4 or WebM video to upload"]);
  });
});
