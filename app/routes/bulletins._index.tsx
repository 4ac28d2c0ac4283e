import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import { getCurrentUser } from "~/auth/access.server";
import { listArchive } from "~/bulletin/archive.server";
import { pageParam } from "~/lib/params";
import { formatUkDay } from "~/ui/dates";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Bulletins – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await getCurrentUser(request);
  const archive = await listArchive({ member: current !== null, page: pageParam(new URL(request.url).searchParams) });
  return {
    signedIn: current !== null,
    subscribed: current ? current.user.bulletin_opt_in === 1 : null,
    ...archive,
  };
}

export default function BulletinArchive() {
  const { signedIn, subscribed, rows, page, pageCount } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Bulletins</h1>
        <p className="nhsuk-lede-text">
          Each month the network sends members a bulletin: news from link workers around the country, guidance updates and
          what is coming up.
        </p>
        {signedIn ? (
          <p>
            {subscribed ? "You get the bulletin by email." : "You do not get the bulletin by email at the moment."}{" "}
            <Link to="/account/preferences">{subscribed ? "Stop it in your email preferences" : "Ask for it in your email preferences"}</Link>
            .
          </p>
        ) : (
          <p>
            Members can read every past bulletin here. <Link to="/sign-in?redirectTo=%2Fbulletins">Sign in</Link> or{" "}
            <Link to="/join">join the network</Link> to read them all and get them by email.
          </p>
        )}
        <h2>{signedIn ? "Past bulletins" : "Past bulletins anyone can read"}</h2>
        {rows.length === 0 ? (
          <p>There are no bulletins to show yet.</p>
        ) : (
          <ul className="nhsuk-list spn-guidance-list">
            {rows.map((bulletin) => (
              <li key={bulletin.id}>
                <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
                  <Link to={`/bulletins/${bulletin.id}`}>{bulletin.subject}</Link>
                </h3>
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
                  Sent {bulletin.send_started_at ? formatUkDay(bulletin.send_started_at) : ""}
                  {signedIn && bulletin.is_public ? " (anyone can read this one)" : ""}
                </p>
                {bulletin.preheader ? <p>{bulletin.preheader}</p> : null}
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pageCount={pageCount} search={location.search} />
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
