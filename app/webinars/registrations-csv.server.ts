import { formatUkDateTime } from "~/ui/dates";
import { registrationStatusLabel } from "./registration-statuses";
import { allRegistrationsForStaff } from "./staff-registrations.server";
import { db } from "~/db.server";
import { webinarsAudit } from "./audit-actions.server";
import { parseQuestions } from "./questions";
import { findWebinar } from "./webinar-records.server";

/**
 * One CSV cell. Spreadsheets run a cell that starts with =, +, - or @ (or a tab or carriage return
 * before one) as a formula, so a member could put one in their name or an answer: such cells get a
 * leading apostrophe, which spreadsheets show as text. Every cell is quoted.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  // CRLF line ends (RFC 4180), and a byte order mark so Excel reads UTF-8 names correctly.
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** A webinar's registrations as staff download them, with answers and attendance; undefined for no such webinar. */
export async function exportRegistrations(actorUserId: number, webinarId: number): Promise<{ csv: string; rows: number } | undefined> {
  const webinar = await findWebinar(webinarId);
  if (!webinar) return undefined;
  const questions = parseQuestions(webinar.questions_json);
  const registrations = await allRegistrationsForStaff(webinarId);
  const header = [
    "Name",
    "Email address",
    "Organisation",
    "Job role",
    "Region",
    "Status",
    "Registered (UK time)",
    "Decided (UK time)",
    "Reason for declining",
    ...questions.map((question) => question.label),
    "Joining link sent (UK time)",
    "First joined (UK time)",
    "Browsers used to join",
  ];
  const ukTime = (at: string | null) => (at ? formatUkDateTime(at) : "");
  const rows = registrations.map((registration) => [
    registration.fullName,
    registration.email,
    registration.organisation,
    registration.jobRole,
    registration.region,
    registrationStatusLabel(registration.status),
    ukTime(registration.registeredAt),
    ukTime(registration.decidedAt),
    registration.declineReason,
    ...questions.map((question) => registration.answers[question.id] ?? ""),
    ukTime(registration.linksSentAt),
    ukTime(registration.firstJoinedAt),
    registration.browsers,
  ]);
  await webinarsAudit.record(db(), {
    actorUserId,
    action: "webinar.registrations-exported",
    subjectType: "webinar",
    subjectId: webinarId,
    details: { rows: rows.length },
  });
  return { csv: toCsv([header, ...rows]), rows: rows.length };
}
