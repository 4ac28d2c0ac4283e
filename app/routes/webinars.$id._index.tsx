import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { getCurrentUser, requireUser } from "~/auth/access.server";
import { rateLimitMessage } from "~/auth/rate-limits.server";
import { readFlash } from "~/lib/flash.server";
import { idParam } from "~/lib/params";
import { publishedRecordingOf } from "~/recordings/library.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDateTime } from "~/ui/dates";
import { ErrorSummary, TextareaField } from "~/ui/forms";
import { SuccessBanner } from "~/ui/notification";
import { RouteErrorBoundary } from "~/ui/route-error";
import { browserIdFor } from "~/webinars/browser-id.server";
import { joinAsMember } from "~/webinars/join-webinar.server";
import { joinHeaders, openMeeting } from "~/webinars/join-response.server";
import { redirectWithOutcome } from "~/webinars/outcomes.server";
import { answerFieldName } from "~/webinars/questions";
import { RegistrationStatusTag } from "~/webinars/registration-statuses";
import { resendJoiningLink } from "~/webinars/send-joining-links.server";
import { getWebinarPage } from "~/webinars/webinar-pages.server";
import { CalendarLink, ContactLink, OpeningMeeting, Paragraphs, placesText, WarningCallout, WebinarFacts } from "~/webinars/webinar-ui";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.webinar.title ?? "Webinar"} – Webinars – Social Prescribing Network` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public page; a signed-in member also sees their own registration. Never the meeting link.
  const current = await getCurrentUser(request);
  const page = await getWebinarPage(idParam(params.id), current?.user.id ?? null);
  if (!page) throw new Response(null, { status: 404 });
  const flash = readFlash(request);
  const recording = page.webinar.ended && !page.webinar.cancelled ? await publishedRecordingOf(page.webinar.id) : null;
  return data({ ...page, recording, signedIn: current !== null, banner: flash.message }, { headers: flash.headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const webinarId = idParam(params.id);
  const intent = (await request.formData()).get("intent");
  if (intent === "join") {
    const { browserId, setCookie } = browserIdFor(request);
    const joined = await joinAsMember(user.id, webinarId, browserId);
    if (joined.ok) return openMeeting(joined.meetingUrl, setCookie);
    if (!joined.page) throw new Response(null, { status: 404 });
    return data({ error: "The Join button works from 30 minutes before the start until the end, for people with a place." }, { status: 409 });
  }
  if (intent === "resend") {
    const resent = await resendJoiningLink(user.id, webinarId);
    if (resent.ok) throw redirectWithOutcome(`/webinars/${webinarId}`, "webinar", "resent");
    if (resent.reason === "rate-limited") {
      return data({ error: rateLimitMessage(resent.retryAfterMs, "We have sent your joining link several times in the last hour.") }, { status: 429 });
    }
    const errors = {
      "not-approved": "Only people with a confirmed place are sent a joining link.",
      "not-yet": "Joining links are sent on the day of the webinar. Yours will arrive then.",
      ended: "This webinar has ended.",
    } as const;
    return data({ error: errors[resent.reason] }, { status: 409 });
  }
  return data({ error: "Choose an action from the page" }, { status: 400 });
}

export const headers: HeadersFunction = joinHeaders;

export default function WebinarPage() {
  const { webinar, myPlace, signedIn, banner, recording } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData && "joined" in actionData) return <OpeningMeeting meetingUrl={actionData.joined.meetingUrl} title={webinar.title} />;
  const error = actionData && "error" in actionData ? actionData.error : null;

  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: webinar.ended ? "/webinars/past" : "/webinars", label: webinar.ended ? "Past webinars" : "Webinars" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {banner ? <SuccessBanner>{banner}</SuccessBanner> : null}
          <ErrorSummary errors={error ? [{ fieldId: "your-registration", message: error }] : []} />
          {webinar.series ? <span className="nhsuk-caption-l">{webinar.series.title}</span> : null}
          <h1>{webinar.title}</h1>
          {webinar.cancelled ? (
            <WarningCallout heading="This webinar is cancelled">
              <p>{webinar.cancelReason}</p>
              <p>
                If you added it to your calendar, <CalendarLink webinarId={webinar.id}>open this calendar file to remove it</CalendarLink>.
              </p>
            </WarningCallout>
          ) : null}
          <WebinarFacts
            webinar={webinar}
            places={webinar.cancelled || webinar.ended ? undefined : placesText(webinar.placesLeft)}
          />
          <Paragraphs text={webinar.description} />
          {!webinar.cancelled && !webinar.ended ? (
            <p>
              <CalendarLink webinarId={webinar.id} />
            </p>
          ) : null}
          {webinar.ended && !webinar.cancelled ? <RecordingSection recording={recording} signedIn={signedIn} /> : null}

          <section id="your-registration" tabIndex={-1} aria-labelledby="your-registration-heading">
            <h2 id="your-registration-heading">{myPlace ? "Your registration" : "Register"}</h2>
            {myPlace ? (
              <MyPlaceSection webinar={webinar} myPlace={myPlace} />
            ) : (
              <RegisterSection webinar={webinar} signedIn={signedIn} />
            )}
          </section>
        </div>
      </div>
    </>
  );
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

/** After the webinar: its recording once published (members only), or when to expect it. */
function RecordingSection({ recording, signedIn }: { recording: PageData["recording"]; signedIn: boolean }) {
  return (
    <section aria-labelledby="recording-heading">
      <h2 id="recording-heading">Recording</h2>
      {recording ? (
        <>
          {signedIn ? null : <p>The recording is for network members: you will be asked to sign in.</p>}
          <Link className="nhsuk-button" data-module="nhsuk-button" to={`/recordings/${recording.id}`}>
            Watch the recording
          </Link>
        </>
      ) : (
        <p>
          The recording is not ready yet: recordings usually follow within a few days of the webinar. Members can watch earlier
          webinars in the <Link to="/recordings">recordings library</Link>.
        </p>
      )}
    </section>
  );
}

function RegisterSection({ webinar, signedIn }: { webinar: PageData["webinar"]; signedIn: boolean }) {
  if (webinar.cancelled) return <p>You cannot register for a cancelled webinar.</p>;
  if (webinar.ended) return <p>This webinar has taken place.</p>;
  if (!webinar.registrationOpen) {
    return <p>{webinar.started ? "Registration closed when the webinar started." : "Registration is not open for this webinar."}</p>;
  }
  const full = webinar.placesLeft === 0 ? <p>Every place is taken. If you register and are approved, you will go on the waiting list.</p> : null;
  if (!signedIn) {
    return (
      <>
        {full}
        <p>You need to be a member of the network to register. Membership is free for people who work in or with social prescribing.</p>
        <Link className="nhsuk-button" data-module="nhsuk-button" to={`/webinars/${webinar.id}/register`}>
          Register
        </Link>
        <p>
          We will ask you to sign in first, then bring you back here to finish. Not a member yet?{" "}
          <Link to={`/join?redirectTo=${encodeURIComponent(`/webinars/${webinar.id}/register`)}`}>Join the network</Link> with your
          work email address; once you are a member, come back to this page to register.
        </p>
      </>
    );
  }
  return (
    <>
      {full}
      <p>The network team checks every registration. We will email you when yours is approved.</p>
      <Form method="post" action={`/webinars/${webinar.id}/register`}>
        {webinar.questions.map((question) => (
          <TextareaField
            key={question.id}
            id={answerFieldName(question)}
            name={answerFieldName(question)}
            label={question.label}
            hint="Optional"
            rows={3}
          />
        ))}
        <button className="nhsuk-button" data-module="nhsuk-button" type="submit">
          Register
        </button>
      </Form>
    </>
  );
}

function MyPlaceSection({ webinar, myPlace }: { webinar: PageData["webinar"]; myPlace: NonNullable<PageData["myPlace"]> }) {
  const canCancel = !webinar.cancelled && !webinar.started && ["pending", "approved", "waitlisted"].includes(myPlace.status);
  return (
    <>
      <p>
        <RegistrationStatusTag status={myPlace.status} />
      </p>
      {webinar.cancelled ? <p>The webinar is cancelled, so your registration has ended.</p> : <PlaceExplanation webinar={webinar} myPlace={myPlace} />}
      {myPlace.answers.length ? (
        <>
          <h3>Your answers</h3>
          <dl className="nhsuk-summary-list">
            {myPlace.answers.map((item) => (
              <div key={item.question} className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">{item.question}</dt>
                <dd className="nhsuk-summary-list__value spn-pre-line">{item.answer}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {canCancel ? (
        <p>
          <Link to={`/webinars/${webinar.id}/cancel`}>
            {myPlace.status === "approved" ? "Cancel your place" : myPlace.status === "waitlisted" ? "Leave the waiting list" : "Cancel your registration"}
          </Link>
        </p>
      ) : null}
    </>
  );
}

function PlaceExplanation({ webinar, myPlace }: { webinar: PageData["webinar"]; myPlace: NonNullable<PageData["myPlace"]> }) {
  switch (myPlace.status) {
    case "pending":
      return (
        <p>
          You registered on {formatUkDateTime(myPlace.registeredAt)}. The network team will check your registration and email you
          when it is approved.
        </p>
      );
    case "waitlisted":
      return (
        <p>
          Every place is taken and you are number {myPlace.waitlistPosition ?? 1} on the waiting list. If a place comes free, it goes
          to the first person on the list, and we will email you straight away.
        </p>
      );
    case "declined":
      return (
        <>
          <p>The network team could not give you a place at this webinar.</p>
          {myPlace.declineReason ? <p className="spn-pre-line">They said: {myPlace.declineReason}</p> : null}
          <p>If you think this is a mistake, email <ContactLink /> with the webinar's title.</p>
        </>
      );
    case "cancelled":
      return (
        <>
          <p>You cancelled your registration.</p>
          {webinar.registrationOpen ? (
            <Form method="post" action={`/webinars/${webinar.id}/register`}>
              <button className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
                Register again
              </button>
            </Form>
          ) : null}
        </>
      );
    case "approved":
      return <ApprovedPlace webinar={webinar} myPlace={myPlace} />;
  }
}

function ApprovedPlace({ webinar, myPlace }: { webinar: PageData["webinar"]; myPlace: NonNullable<PageData["myPlace"]> }) {
  if (webinar.ended) return <p>You had a place at this webinar.</p>;
  const joinButton = (
    <Form method="post" reloadDocument>
      <input type="hidden" name="intent" value="join" />
      <button className="nhsuk-button" data-module="nhsuk-button" type="submit">
        Join the webinar
      </button>
    </Form>
  );
  return (
    <>
      <p>You have a place.</p>
      {webinar.joinOpen ? joinButton : null}
      <h3>Your joining link</h3>
      {webinar.linksDue ? (
        <>
          <p>
            {myPlace.linksSentAt
              ? `We emailed your personal joining link on ${formatUkDateTime(myPlace.linksSentAt)}.`
              : "Your personal joining link is on its way by email."}{" "}
            If you cannot find it, look in your spam or junk folder first, then have it sent again. If it still does not
            arrive, email <ContactLink />.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <button className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
              Send my joining link again
            </button>
          </Form>
        </>
      ) : (
        <p>
          Your personal joining link will arrive by email {webinar.linksSendAt}. It is for you only, so please do not forward
          it.
        </p>
      )}
      {webinar.joinOpen ? null : (
        <p>
          You can also join from this page while you are signed in: a Join the webinar button appears here from {webinar.joinOpens}.
        </p>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
