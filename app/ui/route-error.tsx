import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Link } from "~/ui/link";

/** The page shown when a route throws: NHS-style 403, 404 and 500 pages. */
export function RouteErrorBoundary() {
  return <ErrorPage status={errorStatus(useRouteError())} />;
}

export function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

/** The heading of the error page for a status, also its title (app/ui/document-meta.tsx). */
export function errorPageHeading(status: number): string {
  if (status === 404) return "Page not found";
  if (status === 403) return "You do not have access to this page";
  if (status === 429) return "Too many requests";
  return "Sorry, there is a problem with the service";
}

export function ErrorPage({ status }: { status: number }) {
  if (status === 404) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{errorPageHeading(404)}</h1>
          <p>If you typed the web address, check it is correct.</p>
          <p>If you pasted the web address, check you copied the entire address.</p>
          <p>
            You can go to the <Link to="/">home page</Link> or read the <Link to="/faq">questions and answers</Link>.
          </p>
        </div>
      </div>
    );
  }
  if (status === 403) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{errorPageHeading(403)}</h1>
          <p>This page is for people with a different role in the network.</p>
          <p>
            Go to the <Link to="/">home page</Link>.
          </p>
        </div>
      </div>
    );
  }
  if (status === 429) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{errorPageHeading(429)}</h1>
          <p>Please wait a few minutes and try again.</p>
        </div>
      </div>
    );
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{errorPageHeading(status)}</h1>
        <p>Try again later.</p>
        <p>Nothing you entered has been lost if you already saw a confirmation page.</p>
        <p>
          Go to the <Link to="/">home page</Link>.
        </p>
      </div>
    </div>
  );
}
