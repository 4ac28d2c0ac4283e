import { TZDate } from "@date-fns/tz";
import { UK_TIME_ZONE } from "~/ui/dates";
import { auditActionLabels, type AuditFilters } from "./audit.server";

/**
 * The audit page's filters from its query string (a GET form, so filtered pages can be linked and work
 * without JavaScript). Dates are UK calendar days, both ends included. Values that cannot be used are
 * left out of the search and explained, rather than failing the page.
 */
export interface AuditFilterForm {
  /** As typed, to show in the form again. */
  values: { action: string; person: string; from: string; to: string };
  filters: AuditFilters;
  errors: Array<{ fieldId: "from" | "to"; message: string }>;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC instant a UK day (YYYY-MM-DD) starts, `days` later; null for anything that is not a real day. */
function ukDayStart(value: string, days = 0): string | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  // As UTC (TZDate.toISOString keeps the UK offset, which would not compare with stored times).
  return new Date(new TZDate(year, month - 1, day + days, UK_TIME_ZONE).getTime()).toISOString();
}

export function parseAuditFilters(params: URLSearchParams): AuditFilterForm {
  const values = {
    action: params.get("action") ?? "",
    person: (params.get("person") ?? "").trim().slice(0, 200),
    from: (params.get("from") ?? "").trim(),
    to: (params.get("to") ?? "").trim(),
  };
  const errors: AuditFilterForm["errors"] = [];
  const from = values.from ? ukDayStart(values.from) : undefined;
  const before = values.to ? ukDayStart(values.to, 1) : undefined;
  if (from === null) errors.push({ fieldId: "from", message: "Enter a real date for ‘from’, like 2026-07-01" });
  if (before === null) errors.push({ fieldId: "to", message: "Enter a real date for ‘to’, like 2026-07-31" });
  if (from && before && before <= from) errors.push({ fieldId: "to", message: "The ‘to’ date must be the same as or after the ‘from’ date" });
  const usable = errors.length === 0;
  const knownAction = auditActionLabels().some((entry) => entry.action === values.action);
  return {
    values,
    errors,
    filters: {
      action: knownAction ? values.action : undefined,
      person: values.person || undefined,
      from: usable ? (from ?? undefined) : undefined,
      before: usable ? (before ?? undefined) : undefined,
    },
  };
}
