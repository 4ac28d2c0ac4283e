import type { ReactNode } from "react";

/** NHS success banner, shown at the top of a page after a change was saved. */
export function SuccessBanner({ children }: { children: ReactNode }) {
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      data-module="nhsuk-notification-banner"
      role="alert"
      aria-labelledby="success-banner-title"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="success-banner-title">
          Success
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}
