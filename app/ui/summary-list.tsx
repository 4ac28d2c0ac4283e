import { Link } from "~/ui/link";
import type { ReactNode } from "react";

export interface SummaryRow {
  key: string;
  value: ReactNode;
  /** A "Change" link; `label` names what changes, for screen readers. */
  change?: { to: string; label: string };
}

/** NHS summary list: a definition list of key, value and an optional change link. */
export function SummaryList({ rows, noBorder }: { rows: SummaryRow[]; noBorder?: boolean }) {
  const anyActions = rows.some((row) => row.change);
  return (
    <dl className={`nhsuk-summary-list${noBorder ? " nhsuk-summary-list--no-border" : ""}`}>
      {rows.map((row) => (
        <div key={row.key} className={`nhsuk-summary-list__row${anyActions && !row.change ? " nhsuk-summary-list__row--no-actions" : ""}`}>
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
          {row.change ? (
            <dd className="nhsuk-summary-list__actions">
              <Link to={row.change.to}>
                Change<span className="nhsuk-u-visually-hidden"> {row.change.label}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
