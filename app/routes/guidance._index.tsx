import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { guidanceIndex } from "~/content/pages.server";
import { ContentSearchForm } from "~/content/search-form";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Guidance – Social Prescribing Network" }];

export async function loader() {
  return { pages: await guidanceIndex() };
}

export default function GuidanceIndex() {
  const { pages } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds spn-prose">
        <h1>Guidance</h1>
        <p className="nhsuk-lede-text">
          Longer guides on social prescribing, recording activity, measuring wellbeing and using the portal.
        </p>
        <ContentSearchForm />
        <ul className="nhsuk-list spn-guidance-list">
          {pages.map((page) => (
            <li key={page.slug}>
              <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                <Link to={`/guidance/${page.slug}`}>{page.title}</Link>
              </h2>
              <p>{page.summary}</p>
            </li>
          ))}
        </ul>
        <p>
          Looking for a quick answer? Read the <Link to="/faq">questions and answers</Link>.
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
