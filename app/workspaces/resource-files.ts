import type { WorkspaceResourceFilesTable } from "#db/schema";
import type { UploadRule } from "~/files/upload-rules";

/**
 * The files a lead can add to a workspace's resources: documents a link worker would share. Browser-safe,
 * so the form can refuse a file over the limit before sending it; the server's body limit for the
 * resources page is derived from it too (server/request-limits.ts).
 */
export type ResourceFileFormat = WorkspaceResourceFilesTable["format"];

export const RESOURCE_FILES = {
  formats: ["pdf", "docx", "pptx", "xlsx", "txt", "png", "jpeg"],
  maxBytes: 20 * 1024 ** 2,
  described: "a PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), plain text (.txt), PNG or JPEG file",
  accept: ".pdf,.docx,.pptx,.xlsx,.txt,.png,.jpg,.jpeg",
} as const satisfies UploadRule<ResourceFileFormat> & { accept: string };

/** What the resources list calls each type. */
export const RESOURCE_FILE_TYPES: Record<ResourceFileFormat, string> = {
  pdf: "PDF",
  docx: "Word document",
  pptx: "PowerPoint presentation",
  xlsx: "Excel spreadsheet",
  txt: "Text file",
  png: "PNG image",
  jpeg: "JPEG image",
};
