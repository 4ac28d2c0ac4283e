import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/access.server";
import { AccountSubpage } from "~/membership/account-subpage";
import { leaveNetwork, whatLeavingDoes } from "~/privacy/leave.server";
import { clearedSessionCookie } from "~/auth/sessions.server";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Leave the network – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return { steps: whatLeavingDoes() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  await leaveNetwork(user.id);
  throw redirect("/account/left", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

/** The confirmation step before a member's details are deleted. */
export default function Leave() {
  const { steps } = useLoaderData<typeof loader>();
  return (
    <AccountSubpage back="No, go back to my account">
      <h1>Leave the network</h1>
      <p>If you leave, we will:</p>
      <ul>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
        <li>send one last email to confirm you have left</li>
      </ul>
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
