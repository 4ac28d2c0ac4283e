import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { clearedSessionCookie } from "~/auth/sessions.server";
import { signOut } from "~/membership/sign-in.server";
import { SubmitButton } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Sign out – Social Prescribing Network" }];

/** Signing out changes state, so only the button's POST does it; opening this address just offers the button. */
export default function SignOut() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Sign out</h1>
        <p>Sign out of the Social Prescribing Network on this device.</p>
        <Form method="post">
          <SubmitButton>Sign out</SubmitButton>
        </Form>
      </div>
    </div>
  );
}

export async function action({ request }: ActionFunctionArgs) {
  await signOut(request);
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export const ErrorBoundary = RouteErrorBoundary;
