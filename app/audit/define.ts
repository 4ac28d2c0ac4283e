/**
 * How a feature describes its audit entries. Each feature declares its actions (and the kinds of
 * thing its entries are about) with `defineAuditActions` (record.server.ts) and lists the catalogue
 * in its feature definition; the audit page and a member's history read every entry through it, so
 * they never change when a feature adds actions.
 */

export interface AuditDetailLine {
  label: string;
  value: string;
}

/** Turns an entry's stored details into lines for staff to read. */
export type AuditDetailsReader = (details: Record<string, unknown>) => AuditDetailLine[];

export interface AuditActionSpec {
  /** What happened, as the audit page's "What" column reads it, e.g. "Approved a joiner". */
  label: string;
  /** How the details read; without it each detail shows under its key with its value. */
  details?: AuditDetailsReader;
}

export interface AuditSubjectSpec {
  /** The staff page about the subject, when there is one. */
  href?: (id: string) => string;
  /** The subject in words when no name is known, e.g. "Webinar 12". */
  describe: (id: string) => string;
}

export interface AuditCatalogue {
  actions: Record<string, AuditActionSpec>;
  /** Kinds of subject besides "user" (a member, named from the users table). */
  subjects?: Record<string, AuditSubjectSpec>;
}

type FieldFormat = string | { label: string; format: (value: unknown) => string };

/** A value as staff read it: yes/no for booleans, the text otherwise. */
export function plainValue(value: unknown): string {
  if (value === true) return "Yes";
  if (value === false) return "No";
  if (Array.isArray(value)) return value.map(String).join(", ");
  return String(value);
}

/**
 * A details reader from a list of known fields: `{ reason: "Reason", status: { label: "Status", format } }`.
 * Fields not listed, and empty values, are left out, so details never show what was not meant for staff.
 */
export function readDetails(fields: Record<string, FieldFormat>): AuditDetailsReader {
  return (details) =>
    Object.entries(fields).flatMap(([key, field]) => {
      const value = details[key];
      if (value === null || value === undefined || value === "") return [];
      if (typeof field === "string") return [{ label: field, value: plainValue(value) }];
      return [{ label: field.label, value: field.format(value) }];
    });
}

/** The default reader: every non-empty detail under its own key. */
export const readAllDetails: AuditDetailsReader = (details) =>
  Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([key, value]) => ({ label: key, value: plainValue(value) }));
