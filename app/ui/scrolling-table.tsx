import { useId, type ReactNode } from "react";

/**
 * An NHS table that scrolls sideways inside its own box when it is wider than the screen, so the page
 * itself never does (WCAG 1.4.10 reflow at 320px). The box is a labelled, focusable region so keyboard
 * users can scroll it too. `caption` is read out by screen readers and not shown. `responsive` uses
 * the NHS responsive table instead, which stacks each row's cells on small screens so no column is
 * out of sight (each cell then starts with a `ResponsiveHeading`).
 */
export function ScrollingTable({ caption, children, responsive }: { caption: string; children: ReactNode; responsive?: boolean }) {
  const captionId = useId();
  return (
    <div className="nhsuk-table-container spn-scrolling-table" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={responsive ? "nhsuk-table-responsive" : "nhsuk-table"}>
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden" id={captionId}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

/** A cell of a responsive table: its column's heading, shown only on small screens, then its content. */
export function ResponsiveCell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <td className="nhsuk-table__cell">
      {/* Screen readers have the column headers; this is for eyes only. */}
      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{" "}
      </span>
      <span className="spn-responsive-cell__value">{children}</span>
    </td>
  );
}
