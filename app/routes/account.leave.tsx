import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { requireUser } from "~/membership/access.server";
import { AccountSubpage } from "~/membership/account-subpage";
import { leaveNetwork } from "~/membership/leaving.server";
import { clearedSessionCookie } from "~/membership/sessions.server";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Leave the network – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  await leaveNetwork(user.id);
  throw redirect("/account/left", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

/** The confirmation step before a member's details are deleted. */
export default function Leave() {
  return (
    <AccountSubpage back="No, go back to my account">
      <h1>Leave the network</h1>
      <p>If you leave, we will:</p>
      <ul>
        <li>delete your name, email address, organisation, job role, region, ICB or PCN and workspace interests</li>
        <li>stop all email to you, including the bulletin and webinar reminders</li>
        <li>sign you out on every device and withdraw any role you have</li>
        <li>send one last email to confirm you have left</li>
      </ul>
      <p>
        Anything you have posted in a workspace stays, so that conversations still make sense, but it will show as
        written by a former member.
      </p>
      <div className="nhsuk-card nhsuk-card--warning">
        <div className="nhsuk-card__content">
          <h2 className="nhsuk-card__heading">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>This cannot be undone
            </span>
          </h2>
          <p className="nhsuk-card__description">
            You can join again later with your work email address, but you will start as a new member.
          </p>
        </div>
      </div>
      <Form method="post">
        <button className="nhsuk-button nhsuk-button--warning" data-module="nhsuk-button" type="submit">
          Leave the network and delete my details
        </button>
      </Form>
    </AccountSubpage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
