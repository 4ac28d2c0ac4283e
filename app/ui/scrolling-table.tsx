import { useId, type ReactNode } from "react";

/**
 * An NHS table that scrolls sideways inside its own box when it is wider than the screen, so the page
 * itself never does (WCAG 1.4.10 reflow at 320px). The box is a labelled, focusable region so keyboard
 * users can scroll it too. `caption` is read out by screen readers and not shown.
 */
export function ScrollingTable({ caption, children }: { caption: string; children: ReactNode }) {
  const captionId = useId();
  return (
    <div className="nhsuk-table-container spn-scrolling-table" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden" id={captionId}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
