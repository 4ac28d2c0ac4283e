import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { config } from "~/config.server";
import { isOneClickForm } from "~/mail/one-click-unsubscribe";
import { maskedAddress } from "~/mail/unsubscribe-links.server";
import { describeEventEmailLink, unsubscribeFromEventEmails } from "~/membership/event-emails-unsubscribe.server";
import { Link } from "~/ui/link";
import { SubmitButton } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";

/**
 * The address in the unsubscribe link and List-Unsubscribe header of every webinar or event email.
 * Opening it only shows a page (NHSmail's link scanners open every link); the page's button posts here.
 * So does a mail program's one-click unsubscribe (RFC 8058: exactly `List-Unsubscribe=One-Click`, no
 * cookie, often from another site, which the server lets through by app/mail/one-click-unsubscribe.ts).
 * Either only turns the member's webinar and event emails off; repeating it changes nothing more.
 */

export const meta: MetaFunction = () => [
  { title: "Stop webinar and event emails – Social Prescribing Network" },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await describeEventEmailLink(params.token ?? "");
  const shown = link.kind === "member" ? { kind: link.kind, subscribed: link.subscribed, address: maskedAddress(link.email) } : link;
  return data({ ...shown, contactEmail: config().contactEmail }, { status: link.kind === "invalid" ? 404 : 200 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const via = isOneClickForm(form) ? "one-click" : form.get("intent") === "unsubscribe" ? "page" : null;
  if (via === null) return data({ problem: "Choose the button on the page to stop these emails.", stopped: false }, { status: 400 });
  const result = await unsubscribeFromEventEmails(params.token ?? "", via);
  // Answered in place rather than redirected: RFC 8058's POST expects a plain success.
  return data({ problem: null, stopped: result.kind === "member" }, { status: result.kind === "invalid" ? 404 : 200 });
}

export default function UnsubscribeFromEventEmails() {
  const page = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {page.kind === "invalid" ? (
          <>
            <h1>This unsubscribe link does not work</h1>
            <p>Nothing has been changed. The link may have been cut short or changed when it was copied.</p>
            <p>
              Try the link in the email again, or <Link to="/sign-in?redirectTo=%2Faccount%2Fpreferences">sign in</Link> and turn
              off webinar and event emails in your email preferences. You can also email {page.contactEmail} and ask us to stop them.
            </p>
          </>
        ) : null}

        {page.kind === "inactive" ? (
          <>
            <h1>No more webinar or event emails will be sent</h1>
            <p>
              This link belongs to someone who is no longer a member of the network, so we do not send them email about
              webinars or events. Nothing needs to be done.
            </p>
          </>
        ) : null}

        {/* After the button, the page data is read again: the member is no longer subscribed. */}
        {page.kind === "member" && !page.subscribed ? (
          <>
            <h1>{done?.stopped ? "You have stopped webinar and event emails" : "You do not get webinar and event emails"}</h1>
            <p>
              We will not email {page.address} about new webinars or recordings. You stay a member, and emails about your
              account and webinars you register for, such as joining links, still arrive.
            </p>
            <p>
              To have them again, <Link to="/account/preferences">change your email preferences</Link> (you will need to sign in).
            </p>
          </>
        ) : null}

        {page.kind === "member" && page.subscribed ? (
          <>
            <h1>Stop webinar and event emails</h1>
            <p>
              We will stop emailing {page.address} when new webinars open for registration and when recordings of webinars you
              registered for are published. You do not need to sign in.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="unsubscribe" />
              <SubmitButton>Stop these emails</SubmitButton>
            </Form>
            <p>
              You will stay a member. The monthly bulletin is a separate choice, and emails about your account and webinars
              you register for will still arrive.
            </p>
          </>
        ) : null}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
