import type { MetaFunction } from "@remix-run/node";
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Accessibility statement – Social Prescribing Network" }];

export default function AccessibilityStatement() {
  const contactEmail = useRouteLoaderData<typeof rootLoader>("root")?.contactEmail ?? "network@spn.example.org";
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Accessibility statement</h1>
        <p>
          We want everyone who works in or with social prescribing to be able to use this portal, whatever device,
          browser or assistive technology they use.
        </p>
        <h2>What we aim for</h2>
        <ul>
          <li>meeting the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA</li>
          <li>pages that work at 400% zoom and on a 320 pixel wide screen without scrolling sideways</li>
          <li>forms that work without JavaScript, on older NHS laptops and locked-down browsers</li>
          <li>plain English, and errors that say what went wrong and how to fix it</li>
        </ul>
        <h2>How we check</h2>
        <p>
          Every change is tested in a browser, and every page our tests visit is scanned with an automated
          accessibility checker. Automated checks do not find every problem, so we also welcome reports from people
          using the portal.
        </p>
        <h2>Tell us about a problem</h2>
        <p>
          If something on the portal is hard to use, or you need information in another format, email{" "}
          <a href={`mailto:${contactEmail}`}>{contactEmail}</a>. Tell us the page address and what happened. We aim to
          reply within 5 working days.
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
