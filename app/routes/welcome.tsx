import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireUser, safeRedirectPath } from "~/auth/access.server";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Welcome to the network – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  // Where they were going when they chose to join (e.g. registering for a webinar).
  const next = new URL(request.url).searchParams.get("next");
  return { fullName: user.full_name, email: user.email, next: next ? safeRedirectPath(next, "") : "" };
}

export default function Welcome() {
  const { fullName, email, next } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__heading">Welcome to the network</h1>
          <div className="nhsuk-panel__body">
            You are a member and you are signed in, {fullName}
          </div>
        </div>
        <p>
          Next time, sign in with {email}: we will email you a code. There is no password to remember.
        </p>
        {next ? (
          <p>
            <Link className="nhsuk-button" data-module="nhsuk-button" to={next}>
              Continue where you left off
            </Link>
          </p>
        ) : null}
        <h2>What you can do now</h2>
        <ul>
          <li>
            <Link to="/webinars">Register for a webinar</Link>: the network team approves each registration, and your personal
            joining link is emailed to you by 10am (UK time) on the day
          </li>
          <li>
            <Link to="/recordings">Watch recordings of past webinars</Link> with captions, read their transcripts and download the
            slides: search by topic, speaker or anything said
          </li>
          <li>
            <Link to="/workspaces">Join a workspace</Link>
          </li>
          <li>
            <Link to="/bulletins">Read past bulletins</Link>
          </li>
          <li>
            <Link to="/account">Check your details and email preferences</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
