import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { SubmitButton } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";
import { digestTokenOwner, subscribedWorkspaces, unsubscribe } from "~/workspaces/digest.server";

export const meta: MetaFunction = () => [{ title: "Stop workspace emails – Social Prescribing Network" }];

/**
 * Where the daily workspace email's "stop" links go. No sign-in: the link's token says whose email it
 * was. Opening the page changes nothing (mail scanners open links); the button does. Mail clients'
 * one-click unsubscribe (RFC 8058) POSTs here too and stops every workspace digest.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await digestTokenOwner(params.token ?? "");
  if (userId === undefined) return { valid: false as const };
  const chosen = new URL(request.url).searchParams.get("workspace");
  const workspaces = await subscribedWorkspaces(userId);
  return { valid: true as const, workspaces, chosen: workspaces.find((workspace) => workspace.slug === chosen) ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await digestTokenOwner(params.token ?? "");
  if (userId === undefined) throw new Response(null, { status: 404 });
  const form = await request.formData();
  const slug = form.get("workspace");
  const one = typeof slug === "string" && slug !== "" && form.get("List-Unsubscribe") !== "One-Click" ? slug : null;
  await unsubscribe(userId, one);
  return { stopped: one ? "one" : "all" };
}

export default function UnsubscribeDigest() {
  const data = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  if (!data.valid) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>This link has expired</h1>
          <p>
            To stop the daily workspace emails, <Link to="/sign-in?redirectTo=%2Fworkspaces">sign in</Link> and open the
            workspace: each one has a button to stop its email.
          </p>
        </div>
      </div>
    );
  }
  if (done) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{done.stopped === "one" ? "You will not get this workspace's daily email" : "You will not get any daily workspace emails"}</h1>
          <p>You can turn them back on from any workspace's page when you are signed in.</p>
        </div>
      </div>
    );
  }
  const { chosen, workspaces } = data;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Stop workspace emails</h1>
        {workspaces.length === 0 ? (
          <p>You no longer get any daily workspace emails.</p>
        ) : (
          <>
            {chosen ? (
              <Form method="post">
                <input type="hidden" name="workspace" value={chosen.slug} />
                <p>Stop the daily email about new discussions in {chosen.name}?</p>
                <SubmitButton>Stop emails for {chosen.name}</SubmitButton>
              </Form>
            ) : null}
            <Form method="post">
              <p>
                You get daily emails for: {workspaces.map((workspace) => workspace.name).join(", ")}.
              </p>
              <SubmitButton secondary={chosen !== null}>Stop all daily workspace emails</SubmitButton>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
