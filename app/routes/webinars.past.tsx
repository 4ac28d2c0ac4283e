import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import { pageParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { listPastWebinars } from "~/webinars/webinar-pages.server";
import { WebinarListNav } from "~/webinars/webinar-ui";

export const meta: MetaFunction = () => [{ title: "Past webinars – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public, like the upcoming list: titles and dates only.
  return listPastWebinars(pageParam(new URL(request.url).searchParams));
}

export default function PastWebinars() {
  const { rows, page, pageCount, total } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/webinars", label: "Webinars" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Past webinars</h1>
          <p>
            For recordings of past webinars, see <Link to="/recordings">recordings</Link>.
          </p>
          <WebinarListNav current="/webinars/past" />
          {total === 0 ? (
            <p>No webinars have taken place yet.</p>
          ) : (
            <ul className="nhsuk-list spn-webinar-list">
              {rows.map((webinar) => (
                <li key={webinar.id}>
                  <h2 className="nhsuk-heading-s">
                    <Link to={`/webinars/${webinar.id}`}>{webinar.title}</Link>
                  </h2>
                  <p>{webinar.when} (UK time)</p>
                  {webinar.speakers ? <p className="nhsuk-body-s">Speakers: {webinar.speakers}</p> : null}
                </li>
              ))}
            </ul>
          )}
          <Pagination page={page} pageCount={pageCount} search={location.search} />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
