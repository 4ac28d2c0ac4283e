import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { getCurrentUser } from "~/auth/access.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { RouteErrorBoundary } from "~/ui/route-error";
import { RegistrationStatusTag } from "~/webinars/registration-statuses";
import { listUpcomingWebinars } from "~/webinars/webinar-pages.server";
import { InsetText, placesText, WebinarListNav } from "~/webinars/webinar-ui";

export const meta: MetaFunction = () => [
  { title: "Webinars – Social Prescribing Network" },
  { name: "description", content: "Upcoming webinars for social prescribing link workers: dates in UK time, speakers, and how to register." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public: anyone can see what is coming up; members also see their own registrations.
  const current = await getCurrentUser(request);
  return { signedIn: current !== null, webinars: await listUpcomingWebinars(current?.user.id ?? null) };
}

export default function Webinars() {
  const { signedIn, webinars } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Webinars</h1>
          <p>
            The network holds a webinar every other week for social prescribing link workers and the people who work with
            them. Register for a place; the network team approves each registration, and your personal joining link
            is emailed to you by 10am (UK time) on the day.
          </p>
          {signedIn ? null : (
            <InsetText>
              <p>
                You need to be a member to register. <Link to="/sign-in?redirectTo=%2Fwebinars">Sign in</Link> or{" "}
                <Link to="/join">join the network</Link> with your work email address.
              </p>
            </InsetText>
          )}
          <WebinarListNav current="/webinars" />
          {webinars.length === 0 ? (
            <p>There are no webinars planned at the moment. Check back soon, or see the past webinars.</p>
          ) : (
            <ul className="nhsuk-list spn-webinar-list">
              {webinars.map((webinar) => (
                <li key={webinar.id}>
                  <h2 className="nhsuk-heading-m">
                    <Link to={`/webinars/${webinar.id}`}>{webinar.title}</Link>
                  </h2>
                  <p className="nhsuk-body-l nhsuk-u-margin-bottom-2">{webinar.when}</p>
                  <p className="nhsuk-body-s">
                    UK time, {webinar.duration}
                    {webinar.speakers ? `. Speakers: ${webinar.speakers}` : ""}
                  </p>
                  <p>{webinar.teaser}</p>
                  <p>
                    {webinar.cancelled ? (
                      <strong className="nhsuk-tag nhsuk-tag--red">Cancelled</strong>
                    ) : webinar.myStatus ? (
                      <>
                        <span className="nhsuk-u-visually-hidden">Your registration: </span>
                        <RegistrationStatusTag status={webinar.myStatus} />
                      </>
                    ) : webinar.registrationOpen ? (
                      placesText(webinar.placesLeft)
                    ) : (
                      "Registration is closed"
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
