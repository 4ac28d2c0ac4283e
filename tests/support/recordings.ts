import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import type { Database } from "~/db.server";
import { attachUpload, createRecording } from "~/recordings/admin.server";
import { generatedCaptions } from "~/recordings/demo-files.server";
import { onePagePdf } from "~/files/generated-pdf.server";
import { fileStorage } from "~/files/storage.server";
import type { RecordingFormat, UploadKind } from "~/recordings/file-types.server";
import { checkCaptions } from "~/recordings/captions.server";
import type { StoredUpload } from "~/recordings/uploads.server";
import { nowIso } from "~/clock.server";

/** Fixtures for the recordings tests: webinars (written directly, as the webinars feature would), recordings and files. */

export const DEMO_MP4 = "fixtures/demo/demo-45min.mp4";
export const VIDEO_SECONDS = 2700;

export async function addWebinar(database: Database, overrides: { title?: string; startsAt?: string } = {}): Promise<number> {
  const startsAt = overrides.startsAt ?? new Date(Date.parse(nowIso()) - 7 * 24 * 60 * 60_000).toISOString();
  const row = await database
    .insertInto("webinars")
    .values({
      title: overrides.title ?? "Working with housing teams",
      description: "How link workers build a referral route with housing officers.",
      speakers: "Carys Pugh; Amir Saleem",
      audience: "Link workers",
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + 60 * 60_000).toISOString(),
      capacity: 100,
      meeting_url: "https://meet.example.org/x",
      created_at: startsAt,
      updated_at: startsAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function register(database: Database, webinarId: number, userId: number, status: "approved" | "pending" | "waitlisted" | "declined" | "cancelled" = "approved") {
  const at = nowIso();
  await database.insertInto("webinar_registrations").values({ webinar_id: webinarId, user_id: userId, status, registered_at: at, updated_at: at }).execute();
}

/** Stores bytes as an upload would, for attaching directly. */
export async function stored(kind: UploadKind, format: RecordingFormat, data: Buffer): Promise<StoredUpload> {
  const { key, size } = await fileStorage().put(Readable.from([data]));
  const upload: StoredUpload = { key, size, format };
  if (kind === "video") upload.durationSeconds = VIDEO_SECONDS;
  if (kind === "captions") {
    const check = checkCaptions(data);
    if (!check.ok) throw new Error(check.problems.join("; "));
    upload.cues = check.cues;
  }
  return upload;
}

export function captionsFor(seconds: number, lines = ["Welcome to the session on housing.", "Damp and mould complaints should be made in writing."]): Buffer {
  return Buffer.from(generatedCaptions({ durationSeconds: seconds, speakers: ["Carys Pugh"], lines }));
}

/** A draft recording with details only. */
export async function draftRecording(
  actorId: number,
  webinarId: number,
  overrides: Partial<{ title: string; description: string; speakers: string; themes: string[] }> = {},
): Promise<number> {
  const result = await createRecording(actorId, {
    webinarId,
    title: overrides.title ?? "Housing problems and where to refer",
    description: overrides.description ?? "A housing officer explains homelessness duties and repairs.",
    speakers: overrides.speakers ?? "Carys Pugh",
    themes: overrides.themes ?? ["money-and-housing"],
    duration: undefined,
    externalUrl: undefined,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

/** A recording with a video, full captions and slides, ready to publish. */
export async function completeRecording(actorId: number, webinarId: number, overrides: Parameters<typeof draftRecording>[2] = {}, captionLines?: string[]): Promise<number> {
  const id = await draftRecording(actorId, webinarId, overrides);
  const steps: Array<[UploadKind, RecordingFormat, Buffer]> = [
    ["video", "mp4", readFileSync(DEMO_MP4)],
    ["captions", "vtt", captionsFor(VIDEO_SECONDS, captionLines)],
    ["slides", "pdf", onePagePdf("Housing", ["Refer early"])],
  ];
  for (const [kind, format, data] of steps) {
    const result = await attachUpload(actorId, id, kind, await stored(kind, format, data), { slidesSummary: "Three slides on referral routes." });
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
  return id;
}
