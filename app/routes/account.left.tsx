import type { MetaFunction } from "@remix-run/node";
import { Link } from "~/ui/link";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "You have left the network – Social Prescribing Network" }];

/** Where leaving lands; the member no longer exists, so the page is public. */
export default function Left() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__heading">You have left the network</h1>
          <div className="nhsuk-panel__body">Your details have been deleted</div>
        </div>
        <p>We have sent a last email to the address you used, to confirm this.</p>
        <p>
          Thank you for being part of the Social Prescribing Network. You are welcome to <Link to="/join">join again</Link> at
          any time.
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
