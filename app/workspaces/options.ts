/** Choices and limits shared by the workspace pages and the server (browser-safe). */

export const REPORT_REASONS = [
  { value: "advertising", label: "Advertising or selling services" },
  { value: "inappropriate", label: "Inappropriate or offensive" },
  { value: "patient-data", label: "It contains information about a patient" },
  { value: "other", label: "Something else" },
] as const;

export type ReportReason = (typeof REPORT_REASONS)[number]["value"];

export const REPORT_REASON_LABELS: Record<string, string> = Object.fromEntries(REPORT_REASONS.map((reason) => [reason.value, reason.label]));

export const WORKSPACE_KINDS = [
  { value: "regional", label: "Regional" },
  { value: "themed", label: "Themed" },
] as const;

export const VISIBILITIES = [
  { value: "open", label: "Open", hint: "Any member can read it and join" },
  { value: "private", label: "Private", hint: "Members see its name and description and ask to join; its leads decide" },
] as const;

export const TITLE_MAX = 150;
export const BODY_MAX = 10_000;

/** What a thread is called once its opening post is deleted: the title was the author's words too. */
export const DELETED_OPENING_TITLE = "Opening post deleted by its author";
