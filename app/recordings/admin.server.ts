import type { Kysely } from "kysely";
import type { DB, Recording, RecordingFile } from "#db/schema";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { paginate } from "~/lib/paging.server";
import { recordingsAudit } from "./audit-actions.server";
import { captionsPlainText } from "./captions.server";
import { parseDuration } from "./durations";
import { externalUrlProblem } from "./embed.server";
import { recordingFileRow, type UploadKind } from "./file-types.server";
import { notifyRegistrants } from "./notifications.server";
import { missingForPublishing, type ReadinessFacts } from "./readiness";
import type { RecordingInput } from "./recording-schema";
import { indexRecording } from "./search.server";
import { fileStorage } from "~/files/storage.server";
import { recordOnce, type Once } from "~/lib/once.server";
import { themeLabel } from "./themes";
import type { StoredUpload } from "./uploads.server";
import { findPastWebinar, findWebinar, pastWebinars } from "./webinar-tables.server";
import { fileKindsFor, recordingDetails } from "./library.server";

/** Staff work on recordings: details, files, publishing. Each change is one transaction with its audit entry. */

export type FieldErrors = Partial<Record<keyof RecordingInput | "file" | "summary", string[]>>;
export type StaffResult<T = object> = ({ ok: true } & T) | { ok: false; fieldErrors?: FieldErrors; formErrors?: string[] };

/** The facts publishing depends on, for one recording and the kinds of file it has. */
export function readinessFacts(recording: Recording, kinds: ReadonlySet<string>): ReadinessFacts {
  return {
    hasWebinar: recording.webinar_id !== null,
    hasVideoFile: kinds.has("video"),
    externalUrl: recording.external_url,
    hasCaptions: kinds.has("captions"),
    captionsEndSeconds: recording.captions_end_seconds,
    durationSeconds: recording.duration_seconds,
    hasSlides: kinds.has("slides"),
    slidesSummary: recording.slides_summary,
  };
}

async function loadForChange(trx: Kysely<DB>, id: number) {
  const recording = await trx.selectFrom("recordings").selectAll().where("id", "=", id).executeTakeFirst();
  if (!recording) throw new Response(null, { status: 404 });
  const files = await trx.selectFrom("recording_files").selectAll().where("recording_id", "=", id).execute();
  return { recording, files };
}

/**
 * Rewrites the recording's search entry from its current row and themes. Captions text is passed
 * when it changed; otherwise the entry keeps the captions it had.
 */
async function reindex(trx: Kysely<DB>, id: number, captions?: string): Promise<void> {
  const recording = await trx.selectFrom("recordings").select(["title", "speakers", "description"]).where("id", "=", id).executeTakeFirstOrThrow();
  const themes = await trx.selectFrom("recording_themes").select("theme").where("recording_id", "=", id).execute();
  await indexRecording(trx, {
    id,
    title: recording.title,
    speakers: recording.speakers,
    description: recording.description,
    themes: themes.map((row) => themeLabel(row.theme)).join(", "),
    captions,
  });
}

/**
 * `currentWebinarId`: the webinar the recording is linked to now, which it may keep (as the form offers
 * it) though it would not be offered for a new recording; any other must have ended and not been cancelled.
 */
async function checkDetails(executor: Kysely<DB>, input: RecordingInput, currentWebinarId: number | null = null): Promise<StaffResult<{ recordedAt: string }>> {
  const webinar = await findWebinar(executor, input.webinarId);
  if (!webinar) return { ok: false, fieldErrors: { webinarId: ["Select the webinar this is a recording of"] } };
  if (input.webinarId !== currentWebinarId && !(await findPastWebinar(executor, input.webinarId, nowIso()))) {
    return { ok: false, fieldErrors: { webinarId: ["Select a webinar that has taken place and was not cancelled"] } };
  }
  const urlProblem = input.externalUrl ? externalUrlProblem(input.externalUrl) : undefined;
  if (urlProblem) return { ok: false, fieldErrors: { externalUrl: [urlProblem] } };
  return { ok: true, recordedAt: webinar.startsAt };
}

function detailColumns(input: RecordingInput, recordedAt: string) {
  return {
    webinar_id: input.webinarId,
    title: input.title,
    description: input.description,
    speakers: input.speakers,
    recorded_at: recordedAt,
    duration_seconds: input.duration ? (parseDuration(input.duration) ?? null) : null,
    external_url: input.externalUrl || null,
    updated_at: nowIso(),
  };
}

async function writeThemes(trx: Kysely<DB>, id: number, themes: readonly string[]): Promise<void> {
  await trx.deleteFrom("recording_themes").where("recording_id", "=", id).execute();
  await trx
    .insertInto("recording_themes")
    .values([...new Set(themes)].map((theme) => ({ recording_id: id, theme })))
    .execute();
}

export async function createRecording(actorUserId: number, input: RecordingInput, once?: Once): Promise<StaffResult<{ id: number }>> {
  const checked = await checkDetails(db(), input);
  if (!checked.ok) return checked;
  const id = await db()
    .transaction()
    .execute(async (trx) => {
      const columns = detailColumns(input, checked.recordedAt);
      const row = await trx
        .insertInto("recordings")
        .values({ ...columns, status: "draft", created_at: columns.updated_at })
        .returning("id")
        .executeTakeFirstOrThrow();
      await writeThemes(trx, row.id, input.themes);
      await reindex(trx, row.id, "");
      await recordingsAudit.record(trx, {
        actorUserId,
        action: "recording.created",
        subjectType: "recording",
        subjectId: row.id,
        details: { webinarId: input.webinarId },
      });
      await recordOnce(trx, once, row.id);
      return row.id;
    });
  return { ok: true, id };
}

/** A published recording must stay complete: a change that would leave it lacking something is refused. */
function stillPublishable(recording: Recording, kinds: ReadonlySet<string>): string[] {
  if (recording.status !== "published") return [];
  const missing = missingForPublishing(readinessFacts(recording, kinds));
  return missing.length ? [`This recording is published, and this change would leave it without ${missing.join("; ")}. Unpublish it first.`] : [];
}

export async function updateRecording(actorUserId: number, id: number, input: RecordingInput): Promise<StaffResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<StaffResult> => {
      const { recording, files } = await loadForChange(trx, id);
      const checked = await checkDetails(trx, input, recording.webinar_id);
      if (!checked.ok) return checked;
      const columns = detailColumns(input, checked.recordedAt);
      const blocked = stillPublishable({ ...recording, ...columns }, new Set(files.map((file) => file.kind)));
      if (blocked.length) return { ok: false, formErrors: blocked };
      await trx.updateTable("recordings").set(columns).where("id", "=", id).execute();
      await writeThemes(trx, id, input.themes);
      await reindex(trx, id);
      await recordingsAudit.record(trx, { actorUserId, action: "recording.updated", subjectType: "recording", subjectId: id });
      return { ok: true };
    });
}

/**
 * Puts an uploaded (already stored and checked) file on a recording, replacing any file of the same
 * kind. The replaced file's bytes are deleted once the change is committed; the new file's bytes are
 * deleted if the change is refused.
 */
export async function attachUpload(
  actorUserId: number,
  id: number,
  kind: UploadKind,
  upload: StoredUpload,
  extra: { slidesSummary?: string } = {},
): Promise<StaffResult> {
  let replaced: RecordingFile | undefined;
  const result = await db()
    .transaction()
    .execute(async (trx): Promise<StaffResult> => {
      const { recording, files } = await loadForChange(trx, id);
      replaced = files.find((file) => file.kind === kind);
      const changes: Partial<Recording> = { updated_at: nowIso() };
      if (kind === "video") {
        // An uploaded file takes the place of a video on another site; its header gives its length. A length
        // known before belonged to the old video: without one from the header, staff are asked for it.
        changes.external_url = null;
        changes.duration_seconds = upload.durationSeconds ? Math.round(upload.durationSeconds) : null;
      }
      if (kind === "captions" && upload.cues) {
        changes.captions_end_seconds = Math.max(...upload.cues.map((cue) => cue.end));
      }
      if (kind === "slides") changes.slides_summary = extra.slidesSummary ?? recording.slides_summary;
      const kinds = new Set([...files.map((file) => file.kind), kind]);
      const blocked = stillPublishable({ ...recording, ...changes }, kinds);
      if (blocked.length) {
        replaced = undefined;
        return { ok: false, formErrors: blocked };
      }
      if (replaced) await trx.deleteFrom("recording_files").where("id", "=", replaced.id).execute();
      await trx.insertInto("recording_files").values(recordingFileRow(id, kind, upload)).execute();
      await trx.updateTable("recordings").set(changes).where("id", "=", id).execute();
      if (kind === "captions" && upload.cues) await reindex(trx, id, captionsPlainText(upload.cues));
      await recordingsAudit.record(trx, {
        actorUserId,
        action: "recording.file-uploaded",
        subjectType: "recording",
        subjectId: id,
        details: { kind, format: upload.format, bytes: upload.size },
      });
      return { ok: true };
    })
    .catch(async (error: unknown) => {
      await fileStorage().delete(upload.key);
      throw error;
    });
  if (!result.ok) await fileStorage().delete(upload.key);
  else if (replaced) await fileStorage().delete(replaced.storage_key);
  return result;
}

export async function removeFile(actorUserId: number, id: number, kind: UploadKind): Promise<StaffResult> {
  let removed: RecordingFile | undefined;
  const result = await db()
    .transaction()
    .execute(async (trx): Promise<StaffResult> => {
      const { recording, files } = await loadForChange(trx, id);
      removed = files.find((file) => file.kind === kind);
      if (!removed) return { ok: true };
      const changes: Partial<Recording> = { updated_at: nowIso() };
      if (kind === "captions") changes.captions_end_seconds = null;
      const kinds = new Set(files.filter((file) => file.kind !== kind).map((file) => file.kind));
      const blocked = stillPublishable({ ...recording, ...changes }, kinds);
      if (blocked.length) {
        removed = undefined;
        return { ok: false, formErrors: blocked };
      }
      await trx.deleteFrom("recording_files").where("id", "=", removed.id).execute();
      await trx.updateTable("recordings").set(changes).where("id", "=", id).execute();
      if (kind === "captions") await reindex(trx, id, "");
      await recordingsAudit.record(trx, { actorUserId, action: "recording.file-removed", subjectType: "recording", subjectId: id, details: { kind } });
      return { ok: true };
    });
  if (removed) await fileStorage().delete(removed.storage_key);
  return result;
}

/**
 * Publishes a recording that lacks nothing, and emails its webinar's registrants who asked for event
 * emails: each member once per recording, however often it is unpublished and published again.
 */
export async function publishRecording(actorUserId: number, id: number): Promise<StaffResult<{ notified: number }>> {
  return db()
    .transaction()
    .execute(async (trx): Promise<StaffResult<{ notified: number }>> => {
      const { recording, files } = await loadForChange(trx, id);
      if (recording.status === "published") return { ok: true, notified: 0 };
      const missing = missingForPublishing(readinessFacts(recording, new Set(files.map((file) => file.kind))));
      if (missing.length) return { ok: false, formErrors: missing.map((item) => `Before publishing, add ${item}`) };
      const at = nowIso();
      await trx.updateTable("recordings").set({ status: "published", published_at: at, updated_at: at }).where("id", "=", id).execute();
      const notified = await notifyRegistrants(trx, { ...recording, status: "published" }, files.some((file) => file.kind === "slides"));
      await recordingsAudit.record(trx, { actorUserId, action: "recording.published", subjectType: "recording", subjectId: id, details: { notified } });
      return { ok: true, notified };
    });
}

export async function unpublishRecording(actorUserId: number, id: number): Promise<StaffResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<StaffResult> => {
      const { recording } = await loadForChange(trx, id);
      if (recording.status === "draft") return { ok: true };
      await trx.updateTable("recordings").set({ status: "draft", updated_at: nowIso() }).where("id", "=", id).execute();
      await recordingsAudit.record(trx, { actorUserId, action: "recording.unpublished", subjectType: "recording", subjectId: id });
      return { ok: true };
    });
}

export interface StaffListItem {
  id: number;
  title: string;
  recordedAt: string;
  status: Recording["status"];
  missing: string[];
}

/** Every recording, drafts first then newest, each with what it still lacks. */
export async function staffRecordingList(page: number) {
  const { rows, ...paging } = await paginate(db().selectFrom("recordings"), { page, pageSize: 25 }, (query) =>
    query.selectAll().orderBy("status").orderBy("recorded_at", "desc").orderBy("id", "desc"),
  );
  const files = await fileKindsFor(db(), rows.map((row) => row.id));
  const items: StaffListItem[] = rows.map((recording) => {
    const kinds = files.get(recording.id) ?? new Set<string>();
    return {
      id: recording.id,
      title: recording.title,
      recordedAt: recording.recorded_at,
      status: recording.status,
      missing: missingForPublishing(readinessFacts(recording, kinds)),
    };
  });
  // Only the items and the paging go on to the page, not the full rows they were made from.
  return { ...paging, items };
}

/** Webinars that have ended without a recording yet, newest first (at most ten). */
export async function webinarsAwaitingRecording() {
  const webinars = await pastWebinars(db(), nowIso());
  if (webinars.length === 0) return [];
  const recorded = await db()
    .selectFrom("recordings")
    .select("webinar_id")
    .where("webinar_id", "in", webinars.map((webinar) => webinar.id))
    .execute();
  const done = new Set(recorded.map((row) => row.webinar_id));
  return webinars.filter((webinar) => !done.has(webinar.id)).slice(0, 10);
}

/** Webinars staff can link a recording to: those that have ended, plus the one it is linked to now. */
export async function webinarChoices(currentWebinarId?: number | null) {
  const webinars = await pastWebinars(db(), nowIso());
  if (currentWebinarId && !webinars.some((webinar) => webinar.id === currentWebinarId)) {
    const current = await findWebinar(db(), currentWebinarId);
    if (current) webinars.unshift(current);
  }
  return webinars.map((webinar) => ({ id: webinar.id, title: webinar.title, startsAt: webinar.startsAt }));
}

/** A recording as its staff page shows it: details, files, and what it still needs. */
export async function staffRecording(id: number) {
  const details = await recordingDetails(id);
  if (!details) throw new Response(null, { status: 404 });
  return { ...details, missing: missingForPublishing(readinessFacts(details.recording, new Set(details.files.map((file) => file.kind)))) };
}
