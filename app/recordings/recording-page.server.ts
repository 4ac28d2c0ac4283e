import type { CurrentUser } from "~/auth/access.server";
import { checkCaptions, transcriptOf, type TranscriptParagraph } from "./captions.server";
import { embedFor } from "./embed.server";
import { recordingDetails, relatedRecordings } from "./library.server";
import { fileStorage } from "~/files/storage.server";
import { safeFileName } from "~/files/formats.server";

/**
 * Transcripts by captions file. A stored file never changes under its key (a new upload gets a new
 * one), so a transcript parsed once stays right; the most recently used are kept, as parsing an hour
 * of captions on every view was a third of the page's time.
 */
const TRANSCRIPTS_KEPT = 100;
const transcripts = new Map<string, TranscriptParagraph[]>();

async function transcriptFor(captions: { storage_key: string; byte_size: number }): Promise<TranscriptParagraph[]> {
  const kept = transcripts.get(captions.storage_key);
  if (kept) {
    // Map keeps insertion order: moving it to the end makes the oldest the first to go.
    transcripts.delete(captions.storage_key);
    transcripts.set(captions.storage_key, kept);
    return kept;
  }
  const check = checkCaptions(await fileStorage().readBytes(captions.storage_key, 0, captions.byte_size));
  const transcript = check.ok ? transcriptOf(check.cues) : [];
  transcripts.set(captions.storage_key, transcript);
  if (transcripts.size > TRANSCRIPTS_KEPT) transcripts.delete(transcripts.keys().next().value!);
  return transcript;
}

/**
 * What a member sees of one recording. Members see published recordings; staff also see drafts
 * (to check them before publishing). Anything else is "not found", whether or not it exists.
 */
export async function recordingForViewer(id: number, viewer: CurrentUser) {
  const details = await recordingDetails(id);
  if (!details || (details.recording.status !== "published" && !viewer.isAdmin)) throw new Response(null, { status: 404 });
  const { recording, themes, files, webinar } = details;
  const byKind = (kind: string) => files.find((file) => file.kind === kind);
  const video = byKind("video");
  const captions = byKind("captions");
  const slides = byKind("slides");
  const transcript = captions ? await transcriptFor(captions) : [];
  const fileUrl = (fileId: string) => `/recordings/${id}/files/${fileId}`;
  return {
    id,
    title: recording.title,
    description: recording.description,
    speakers: recording.speakers,
    recordedAt: recording.recorded_at,
    durationSeconds: recording.duration_seconds,
    published: recording.status === "published",
    themes,
    webinar: webinar ? { id: webinar.id, title: webinar.title } : null,
    video: video ? { url: fileUrl(video.id), type: video.content_type, format: video.format, bytes: video.byte_size } : null,
    embed: video ? undefined : embedFor(recording.external_url),
    externalUrl: video ? null : recording.external_url,
    captionsUrl: captions ? fileUrl(captions.id) : null,
    slides: slides ? { url: fileUrl(slides.id), format: slides.format.toUpperCase(), bytes: slides.byte_size, summary: recording.slides_summary ?? "" } : null,
    transcript,
    related: await relatedRecordings(id, themes),
  };
}

/** A name for saving a file: the recording's title without characters file systems refuse. */
export function downloadName(title: string, kind: "video" | "captions" | "slides", extension: string): string {
  const safe = safeFileName(title, "Recording");
  const suffix = kind === "video" ? "" : kind === "captions" ? " - captions" : " - slides";
  return `${safe}${suffix}.${extension}`;
}
