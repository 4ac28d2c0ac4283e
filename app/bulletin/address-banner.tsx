import { Link } from "~/ui/link";

/**
 * On the account page (where members land after signing in) while the mail server refuses their
 * address: bulletins to it are paused until they confirm it or change it.
 */
export function RefusedAddressBanner({ problem }: { problem: { email: string } | null }) {
  if (!problem) return null;
  return (
    <div className="nhsuk-notification-banner" data-module="nhsuk-notification-banner" role="region" aria-labelledby="refused-address-title">
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="refused-address-title">
          Important
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">We could not deliver email to {problem.email}</p>
        <p>
          Its mail server said the address does not exist. We have paused the bulletin until you{" "}
          <Link className="nhsuk-notification-banner__link" to="/account/bulletin-address">
            check your email address
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
