import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/ui/coming-soon";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Webinars – Social Prescribing Network" }];

export default function Webinars() {
  return (
    <ComingSoon title="Webinars">
      <p>
        The network runs a webinar for social prescribing link workers every other week. Members will register here,
        staff approve each registration, and each approved member gets a personal joining link by email at 10:00 UK
        time on the day.
      </p>
    </ComingSoon>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
