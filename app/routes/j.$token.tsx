import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { ErrorSummary } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";
import { browserIdFor } from "~/webinars/browser-id.server";
import { getJoiningPage, joinWithToken, type JoiningPage } from "~/webinars/join-webinar.server";
import { joinHeaders, openMeeting } from "~/webinars/join-response.server";
import { CalendarLink, ContactLink, InsetText, OpeningMeeting } from "~/webinars/webinar-ui";

/**
 * The personal joining page a joining-link email opens. The token in the address is the only key
 * (people join from devices where they are not signed in). Opening it records nothing, however
 * often a mail scanner does; the Join button's POST records attendance and opens the meeting.
 */
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.page ? headingFor(data.page) : "This joining link does not work"} – Social Prescribing Network` },
  { name: "robots", content: "noindex" },
];

// The address is a secret: kept out of caches and out of the Referer header sent to other sites.
// Not "no-referrer": browsers then send "Origin: null" with the Join form, which the same-origin check refuses.
const PRIVATE_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "same-origin", "X-Robots-Tag": "noindex" };

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await getJoiningPage(params.token ?? "");
  return data({ page: page ?? null }, { status: page ? 200 : 404, headers: PRIVATE_HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { browserId, setCookie } = browserIdFor(request);
  const result = await joinWithToken(params.token ?? "", browserId);
  if (result.ok) return openMeeting(result.meetingUrl, setCookie);
  return data({ error: result.page ? "The Join button does not work at the moment: see below." : null }, { status: result.page ? 409 : 404, headers: PRIVATE_HEADERS });
}

export const headers: HeadersFunction = joinHeaders;

function headingFor(page: JoiningPage): string {
  switch (page.state) {
    case "open":
      return "Join the webinar";
    case "before":
      return "Your joining page";
    case "ended":
      return "This webinar has ended";
    case "webinar-cancelled":
      return "This webinar is cancelled";
    default:
      return "This joining link no longer works";
  }
}

export default function JoiningPageRoute() {
  const { page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData && "joined" in actionData) return <OpeningMeeting meetingUrl={actionData.joined.meetingUrl} title={page?.webinar.title ?? "the webinar"} />;
  const error = actionData && "error" in actionData ? actionData.error : null;
  if (!page) return <LinkNotFound />;
  const { webinar } = page;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={error ? [{ fieldId: "joining", message: error }] : []} />
        <span className="nhsuk-caption-l">{webinar.title}</span>
        <h1>{headingFor(page)}</h1>
        <p className="nhsuk-body-l">{webinar.when} (UK time)</p>
        <div id="joining" tabIndex={-1}>
          <StateDetails page={page} />
        </div>
      </div>
    </div>
  );
}

function StateDetails({ page }: { page: JoiningPage }) {
  const { webinar } = page;
  const personal = (
    <p>
      This link is for {page.fullName}. Please do not share it: colleagues can <Link to={`/webinars/${webinar.id}`}>register for their own place</Link>.
    </p>
  );
  switch (page.state) {
    case "open":
      return (
        <>
          {personal}
          <Form method="post" reloadDocument>
            <button className="nhsuk-button" data-module="nhsuk-button" type="submit">
              Join the webinar
            </button>
          </Form>
        </>
      );
    case "before":
      return (
        <>
          {personal}
          <p>
            A Join the webinar button will appear on this page from {webinar.opens}, 30 minutes before the start. Keep the email
            with this link, or bookmark this page.
          </p>
          <p>
            <CalendarLink webinarId={webinar.id} />
          </p>
        </>
      );
    case "ended":
      return (
        <p>
          For recordings of past webinars, see <Link to="/recordings">recordings</Link>.
        </p>
      );
    case "webinar-cancelled":
      return (
        <>
          {webinar.cancelReason ? <p className="spn-pre-line">{webinar.cancelReason}</p> : null}
          <p>
            If it is in your calendar, <CalendarLink webinarId={webinar.id}>open this calendar file to remove it</CalendarLink>. See the{" "}
            <Link to="/webinars">other webinars</Link> you can register for.
          </p>
        </>
      );
    case "cancelled":
      return (
        <p>
          You cancelled your registration for this webinar, so this link no longer works. If places are still available, you can{" "}
          <Link to={`/webinars/${webinar.id}`}>register again</Link>.
        </p>
      );
    case "declined":
      return (
        <p>
          This registration was not approved, so the link does not work. If you think this is a mistake, email <ContactLink />.
        </p>
      );
    default:
      return (
        <p>
          If you think it should work, email <ContactLink /> with the webinar's title.
        </p>
      );
  }
}

function LinkNotFound() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>This joining link does not work</h1>
        <p>Check that you used the whole link from the email. Some email programs split long links over two lines.</p>
        <InsetText>
          <p>
            If you have a place, sign in and open the webinar from <Link to="/webinars">webinars</Link>: you can have your link sent
            again, or join from there.
          </p>
        </InsetText>
        <p>
          If you still cannot join, email <ContactLink /> with the webinar's title.
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
