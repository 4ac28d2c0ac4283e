import type { MetaFunction } from "@remix-run/node";
import { useRouteLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import type { RootLoaderData } from "~/root";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Email address changed – Social Prescribing Network" }];

/** After confirming a new address; it may be confirmed on another device, so this page needs no session. */
export default function EmailChanged() {
  const root = useRouteLoaderData<RootLoaderData>("root");
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__heading">Email address changed</h1>
          <div className="nhsuk-panel__body">Sign in with your new address from now on</div>
        </div>
        <p>
          We have told your old address about the change, and signed you out on every other device in case it was not
          you.
        </p>
        <p>{root?.user ? <Link to="/account">Go to your account</Link> : <Link to="/sign-in">Sign in</Link>}</p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
