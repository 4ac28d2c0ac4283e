import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { ContentBody } from "~/content/content-body";
import { guidancePage } from "~/content/pages.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: `${data.title} – Social Prescribing Network` }, { name: "description", content: data.summary }]
    : [{ title: "Page not found – Social Prescribing Network" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await guidancePage(params.slug ?? "");
  if (!page) throw new Response(null, { status: 404 });
  return page;
}

export default function Guidance() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: "Home" },
          { to: "/guidance", label: "Guidance" },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds spn-prose">
          <h1>{page.title}</h1>
          <p className="nhsuk-lede-text">{page.summary}</p>
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">For {page.audience}.</p>
          <ContentBody html={page.html} />
          <p className="nhsuk-body-s">
            Page last reviewed: <time dateTime={page.lastReviewed.iso}>{page.lastReviewed.text}</time>
          </p>
        </div>
        {page.related.length ? (
          <div className="nhsuk-grid-column-one-third spn-prose">
            <nav className="spn-related" aria-labelledby="related-heading">
              <h2 id="related-heading" className="nhsuk-heading-s">
                Related
              </h2>
              <ul className="nhsuk-list">
                {page.related.map((link) => (
                  <li key={link.href}>
                    <Link to={link.href}>{link.title}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        ) : null}
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
