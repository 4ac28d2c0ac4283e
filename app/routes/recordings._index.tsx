import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/ui/coming-soon";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Recordings – Social Prescribing Network" }];

export default function Recordings() {
  return (
    <ComingSoon title="Recordings">
      <p>
        Recordings and slides of past webinars will be here for members, usually a few days after each webinar.
      </p>
    </ComingSoon>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
