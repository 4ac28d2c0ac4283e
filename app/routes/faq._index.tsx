import type { MetaFunction } from "@remix-run/node";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Questions and answers – Social Prescribing Network" }];

export default function Faq() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Questions and answers</h1>
        <p>Answers to common questions about social prescribing and the network are being written.</p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
