import type { MetaFunction } from "@remix-run/node";
import { useRouteLoaderData } from "@remix-run/react";
import type { RootLoaderData } from "~/root";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Email address confirmed – Social Prescribing Network" }];

export default function JoinPending() {
  const contactEmail = useRouteLoaderData<RootLoaderData>("root")?.contactEmail;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__heading">Email address confirmed</h1>
          <div className="nhsuk-panel__body">Your request to join is with our staff</div>
        </div>
        <h2>What happens next</h2>
        <p>
          Your email address is from an organisation we do not know yet, so one of our staff will check your request
          before your membership starts. This keeps the network for people who work in or with social prescribing.
        </p>
        <p>
          We usually do this within 2 working days, and we will email you when we have. You can sign in once your
          membership is approved.
        </p>
        {contactEmail ? (
          <p>
            If you have a question in the meantime, email <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
          </p>
        ) : null}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
