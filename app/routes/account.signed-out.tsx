import type { MetaFunction } from "@remix-run/node";
import { Link } from "~/ui/link";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Signed out of all devices – Social Prescribing Network" }];

/** Where "Sign out of all devices" lands; the member is no longer signed in, so the page is public. */
export default function SignedOutEverywhere() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>You have signed out of all devices</h1>
        <p>Every device and browser that was signed in to your account has been signed out, including this one.</p>
        <p>
          <Link to="/sign-in">Sign in again</Link>
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
