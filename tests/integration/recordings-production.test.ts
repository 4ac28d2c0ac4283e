import { randomBytes } from "node:crypto";
import { mkdir, open } from "node:fs/promises";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { closeDb } from "~/db.server";
import { seedDemoData } from "~/demo/seed.server";
import { testDatabase } from "../support/database";
import { ensureBuilt, freePort, killLeftovers, productionEnv, residentMb, start, waitUntilUp, type Started } from "../support/production-server";
import { SmtpSink } from "../support/smtp-sink";

/**
 * The recordings through the compiled production server and its whole middleware stack (compression,
 * security headers, body limits, the response writer), as a member, a visitor and staff meet them.
 */
const MB = 1024 * 1024;
const BIG_VIDEO_BYTES = 64 * MB;
const sink = new SmtpSink();
let server: Started;
let origin: string;
let files: { video: string; captions: string; slides: string; big: string; recordingId: number; draftFile: string; captionsUpload: string };

/** A video file with a real MP4 header and a hole after it: 64 MB on paper, nothing on disk. */
async function sparseVideo(bytes: number): Promise<string> {
  const key = randomBytes(16).toString("hex");
  await mkdir(config().storagePath, { recursive: true });
  const handle = await open(join(config().storagePath, key), "wx");
  const header = Buffer.alloc(32);
  header.writeUInt32BE(32, 0);
  header.write("ftypisom", 4, "latin1");
  await handle.write(header, 0, header.length, 0);
  await handle.truncate(bytes);
  await handle.close();
  return key;
}

beforeAll(async () => {
  ensureBuilt();
  await sink.start();
  const database = await testDatabase();
  await seedDemoData(database);
  const published = await database
    .selectFrom("recordings")
    .innerJoin("webinars", "webinars.id", "recordings.webinar_id")
    .select("recordings.id")
    .where("webinars.title", "=", "Measuring what matters")
    .executeTakeFirstOrThrow();
  const fileOf = async (recordingId: number, kind: "video" | "captions" | "slides") =>
    (await database.selectFrom("recording_files").select("id").where("recording_id", "=", recordingId).where("kind", "=", kind).executeTakeFirstOrThrow()).id;
  const draft = await database.selectFrom("recordings").select("id").where("status", "=", "draft").executeTakeFirstOrThrow();
  // Another published recording's video is swapped for a large one, for the slow viewers below.
  const other = await database.selectFrom("recordings").select("id").where("status", "=", "published").where("id", "!=", published.id).executeTakeFirstOrThrow();
  const bigKey = await sparseVideo(BIG_VIDEO_BYTES);
  await database.updateTable("recording_files").set({ storage_key: bigKey, byte_size: BIG_VIDEO_BYTES }).where("recording_id", "=", other.id).where("kind", "=", "video").execute();
  files = {
    recordingId: published.id,
    video: `/recordings/${published.id}/files/${await fileOf(published.id, "video")}`,
    captions: `/recordings/${published.id}/files/${await fileOf(published.id, "captions")}`,
    slides: `/recordings/${published.id}/files/${await fileOf(published.id, "slides")}`,
    big: `/recordings/${other.id}/files/${await fileOf(other.id, "video")}`,
    draftFile: `/recordings/${draft.id}/files/${await fileOf(draft.id, "video")}`,
    captionsUpload: `/admin/recordings/${draft.id}/upload/captions`,
  };
  await closeDb();
  const port = await freePort();
  origin = `http://localhost:${port}`;
  server = start(productionEnv(port, { SMTP_URL: sink.url, DATABASE_PATH: process.env.DATABASE_PATH }));
  await waitUntilUp(origin, server);
}, 120_000);
afterAll(async () => {
  server?.child.kill("SIGTERM");
  await server?.exited;
  killLeftovers();
  await sink.stop();
});

/** Signs `email` in through the emailed code, as the browser would without JavaScript; returns the session cookie. */
async function signIn(email: string): Promise<string> {
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  const asked = await fetch(`${origin}/sign-in`, { method: "POST", headers: form, body: `email=${encodeURIComponent(email)}`, redirect: "manual" });
  const verifyPath = new URL(asked.headers.get("location")!, origin).pathname;
  const mail = await sink.waitFor((message) => message.to.includes(email) && message.subject === "Sign in to the Social Prescribing Network");
  const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
  const signedIn = await fetch(`${origin}${verifyPath}`, { method: "POST", headers: form, body: `intent=code&code=${code}`, redirect: "manual" });
  return signedIn.headers.get("set-cookie")!.split(";")[0]!;
}

describe("visitors", () => {
  it("get 403 for the library, a recording and every file address, ranges included, with no bytes of any file", async () => {
    const library = await fetch(`${origin}/recordings?q=wellbeing`);
    expect(library.status).toBe(403);
    const page = await library.text();
    expect(page).toContain("Recordings are for network members");
    expect(page).toContain(`href="/sign-in?redirectTo=%2Frecordings%3Fq%3Dwellbeing"`);
    expect((await fetch(`${origin}/recordings/${files.recordingId}`)).status).toBe(403);
    for (const path of [files.video, files.captions, files.slides, files.draftFile, `/recordings/${files.recordingId}/files/guessed`]) {
      for (const range of [undefined, "bytes=0-99"]) {
        const response = await fetch(`${origin}${path}`, { headers: range ? { Range: range } : {}, redirect: "manual" });
        expect(response.status, `${path} ${range}`).toBe(403);
        expect(response.headers.get("content-range")).toBeNull();
        expect(await response.text()).toMatch(/^Recordings and their files are for network members/);
      }
    }
  });
});

describe("members", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signIn("demo.member@nhs.net");
  });

  it("read a recording page that works without JavaScript: video with a captions track, transcript, slides, no framing allowed", async () => {
    const response = await fetch(`${origin}/recordings/${files.recordingId}`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).not.toContain("frame-src");
    const html = await response.text();
    expect(html).toMatch(/<video[^>]*controls/);
    expect(html).toContain(`<track kind="captions" src="${files.captions}" srcLang="en" label="English" default=""/>`);
    // The transcript is in the page itself, in a <details> that opens without scripts.
    expect(html).toMatch(/<details class="nhsuk-details">[\s\S]*Read the transcript[\s\S]*Ask at the first meeting and again when support ends\./);
    expect(html).toContain(`href="${files.slides}"`);
  });

  it("get exact byte ranges (206), 416 out of range, never re-encoded by compression, kept private", async () => {
    const whole = Buffer.from(await (await fetch(`${origin}${files.captions}`, { headers: { Cookie: cookie } })).arrayBuffer());
    expect(whole.subarray(0, 6).toString()).toBe("WEBVTT");
    const part = await fetch(`${origin}${files.captions}`, { headers: { Cookie: cookie, Range: "bytes=10-2047", "Accept-Encoding": "gzip, br" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-encoding")).toBeNull();
    expect(part.headers.get("content-range")).toBe(`bytes 10-2047/${whole.length}`);
    expect(part.headers.get("cache-control")).toBe("private, no-store, no-transform");
    expect(part.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(10, 2048));

    const beyond = await fetch(`${origin}${files.video}`, { headers: { Cookie: cookie, Range: "bytes=99999999-" } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toMatch(/^bytes \*\/\d+$/);
    const slides = await fetch(`${origin}${files.slides}`, { headers: { Cookie: cookie } });
    expect(slides.headers.get("content-disposition")).toMatch(/^attachment; filename="Measuring what matters - slides\.pdf"/);
    expect(slides.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await fetch(`${origin}${files.draftFile}`, { headers: { Cookie: cookie } })).status).toBe(404);
  });

  it("who watch slowly cost the server no more memory than the file's first chunks: it reads the file as they take it", async () => {
    const pid = server.child.pid!;
    // Warm up (the first request loads code), then measure.
    await (await fetch(`${origin}${files.big}`, { headers: { Cookie: cookie, Range: "bytes=0-1023" } })).arrayBuffer();
    const before = residentMb(pid);
    const viewers: Socket[] = [];
    for (let n = 0; n < 5; n++) {
      const socket = connect(Number(new URL(origin).port), "127.0.0.1");
      socket.write(`GET ${files.big} HTTP/1.1\r\nHost: localhost\r\nCookie: ${cookie}\r\nRange: bytes=${n}-\r\n\r\n`);
      // Never read: the kernel's buffers fill and the server has to wait.
      socket.pause();
      viewers.push(socket);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const grown = residentMb(pid) - before;
    for (const socket of viewers) socket.destroy();
    // Five viewers of a 64 MB file would hold 320 MB if the server read ahead of them.
    expect(grown).toBeLessThan(40);
  });
});

describe("staff uploads", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signIn("demo.admin@nhs.net");
  });

  /** Posts a multipart form with one file of `size` bytes (WEBVTT, then filler) and a declared length. */
  async function uploadCaptions(size: number, start = "WEBVTT\n\n") {
    const form = new FormData();
    form.append("file", new Blob([start, "a".repeat(size - start.length)], { type: "text/vtt" }), "captions.vtt");
    const encoded = new Response(form);
    const type = encoded.headers.get("content-type")!;
    const body = Buffer.from(await encoded.arrayBuffer());
    const response = await fetch(`${origin}${files.captionsUpload}`, { method: "POST", headers: { Cookie: cookie, "Content-Type": type, "Content-Length": String(body.length) }, body });
    return { status: response.status, html: await response.text() };
  }

  it("refuses a file over the limit or of the wrong type with the upload page and the problem by the file field, never a 500", async () => {
    const overKindLimit = await uploadCaptions(2.5 * MB);
    expect(overKindLimit.status).toBe(413);
    expect(overKindLimit.html).toMatch(/id="file-error"><span class="nhsuk-u-visually-hidden">Error:<\/span> (<!-- -->)?The selected file must be smaller than 2 MB/);
    const wrongType = await uploadCaptions(1_000, "%PDF-1.4\n");
    expect(wrongType.status).toBe(415);
    expect(wrongType.html).toContain("The selected file must be a WebVTT captions file (.vtt) (this one is a PDF document)");
    const broken = await uploadCaptions(200, "WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nHello\n\n");
    expect(broken.status).toBe(400);
    expect(broken.html).toContain("The captions file has problems. Line 4: Cue identifier needs to be followed by timestamp. Line 5:");
    // Far over the route's ceiling, the server refuses before the app runs, with its plain page.
    const overRouteLimit = await uploadCaptions(4 * MB);
    expect(overRouteLimit.status).toBe(413);
    expect(overRouteLimit.html).toContain("<h1>Too much information sent</h1>");
    expect(overRouteLimit.html).toContain("The file you chose is larger than 2 MB, the most this page takes, so nothing was saved.");
    expect(server.output()).not.toMatch(/Error|\n\s+at /);
  });
});
