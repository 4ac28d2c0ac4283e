import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/ui/coming-soon";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Workspaces – Social Prescribing Network" }];

export default function Workspaces() {
  return (
    <ComingSoon title="Workspaces">
      <p>
        Regional workspaces (such as London, and Yorkshire and the Humber) and themed ones (such as green social
        prescribing, and maternity, children and young people) will let members share what works locally. Regional
        leads keep them free of advertising and selling.
      </p>
    </ComingSoon>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
