import { readDetails } from "~/audit/define";
import { defineAuditActions } from "~/audit/record.server";

const KIND_NAMES: Record<string, string> = { video: "Video", captions: "Captions", slides: "Slides" };
const kind = { label: "File", format: (value: unknown) => KIND_NAMES[String(value)] ?? String(value) };

/** What staff do to recordings, as the audit log reads it. Details hold ids, kinds and counts, never names. */
export const recordingsAudit = defineAuditActions({
  actions: {
    "recording.created": { label: "Added a recording", details: readDetails({ webinarId: "Webinar" }) },
    "recording.updated": { label: "Changed a recording's details" },
    "recording.file-uploaded": { label: "Uploaded a file to a recording", details: readDetails({ kind, format: "Format", bytes: "Size in bytes" }) },
    "recording.file-removed": { label: "Removed a file from a recording", details: readDetails({ kind }) },
    "recording.published": { label: "Published a recording", details: readDetails({ notified: "Registrants emailed" }) },
    "recording.unpublished": { label: "Unpublished a recording" },
  },
  subjects: {
    recording: { describe: (id) => `Recording ${id}`, href: (id) => `/admin/recordings/${id}` },
  },
});
