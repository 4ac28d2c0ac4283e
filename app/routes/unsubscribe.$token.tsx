import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { isOneClickForm } from "~/mail/one-click-unsubscribe";
import { describeUnsubscribeLink, unsubscribeWithToken } from "~/bulletin/unsubscribe.server";
import { maskedAddress } from "~/mail/unsubscribe-links.server";
import { config } from "~/config.server";
import { SuccessBanner } from "~/ui/notification";
import { RouteErrorBoundary } from "~/ui/route-error";

/**
 * The address in every bulletin's unsubscribe link and List-Unsubscribe header. Opening it only shows a
 * page (NHSmail's link scanners open every link); its button posts to /unsubscribe/<token>/confirm. A
 * POST here is the mail program's one-click unsubscribe (RFC 8058): the body must be exactly
 * `List-Unsubscribe=One-Click`; it needs no cookie, answers 200 without a redirect, and repeating it
 * changes nothing more. The server lets it through the same-origin check (app/mail/one-click-unsubscribe.ts).
 */

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? heading(data) : "Unsubscribe"} – Social Prescribing Network` },
  { name: "robots", content: "noindex" },
];

type PageData = (
  | { kind: "invalid" }
  | { kind: "inactive" }
  | {
      kind: "member";
      subscribed: boolean;
      canUndo: boolean;
      /** Shortened: the page is open to anyone with the link, such as whoever a copy was forwarded to. */
      address: string;
    }
) & { done: string | null; token: string; contactEmail: string };

function heading(page: PageData): string {
  if (page.kind === "invalid") return "This unsubscribe link does not work";
  if (page.kind === "inactive") return "No more bulletins will be sent";
  if (page.subscribed) return "Unsubscribe from the bulletin";
  return page.done === "unsubscribed" ? "You have unsubscribed from the bulletin" : "You are not subscribed to the bulletin";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const link = await describeUnsubscribeLink(token);
  const shown = link.kind === "member" ? { kind: link.kind, subscribed: link.subscribed, canUndo: link.canUndo, address: maskedAddress(link.email) } : link;
  // `done` is a query rather than a one-time cookie so it works where cookies are refused; it only picks
  // between wordings that are true of the subscription as it is ("You have unsubscribed" vs "You are not subscribed").
  const page: PageData = { ...shown, token, done: new URL(request.url).searchParams.get("done"), contactEmail: config().contactEmail };
  return data(page, { status: link.kind === "invalid" ? 404 : 200 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  if (!isOneClickForm(form)) {
    return data({ problem: "This address only accepts a one-click unsubscribe (List-Unsubscribe=One-Click)." }, { status: 400 });
  }
  const result = await unsubscribeWithToken(params.token ?? "", "one-click");
  return data({ problem: null }, { status: result.kind === "invalid" ? 404 : 200 });
}

export default function Unsubscribe() {
  const page = useLoaderData<typeof loader>();
  const confirm = `/unsubscribe/${page.token}/confirm`;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {page.kind === "member" && page.subscribed && page.done === "resubscribed" ? (
          <SuccessBanner>You are subscribed to the bulletin again.</SuccessBanner>
        ) : null}
        <h1>{heading(page)}</h1>

        {page.kind === "invalid" ? (
          <>
            <p>Nothing has been changed. The link may have been cut short or changed when it was copied.</p>
            <p>
              Try the unsubscribe link in the email again, or <Link to="/sign-in?redirectTo=%2Faccount%2Fpreferences">sign in</Link> and
              turn the bulletin off in your email preferences. You can also email {page.contactEmail} and ask us to stop it.
            </p>
          </>
        ) : null}

        {page.kind === "inactive" ? (
          <>
            <p>
              This link belongs to someone who is no longer a member of the network, so we do not send bulletins or any other
              email about the network to that address. Nothing needs to be done.
            </p>
            <p>If you still get email from us, email {page.contactEmail} and we will look into it.</p>
          </>
        ) : null}

        {page.kind === "member" && page.subscribed ? (
          <>
            <p>We will stop sending the monthly bulletin to {page.address}. You do not need to sign in.</p>
            <Form method="post" action={confirm}>
              <input type="hidden" name="intent" value="unsubscribe" />
              <button className="nhsuk-button" data-module="nhsuk-button" type="submit">
                Unsubscribe
              </button>
            </Form>
            <p>You will stay a member, and emails about your account and webinars you register for will still arrive.</p>
          </>
        ) : null}

        {page.kind === "member" && !page.subscribed ? (
          <>
            <p>We will not send the monthly bulletin to {page.address}. You stay a member of the network.</p>
            {page.canUndo ? (
              <Form method="post" action={confirm}>
                <input type="hidden" name="intent" value="resubscribe" />
                <button className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
                  Undo: send me the bulletin again
                </button>
              </Form>
            ) : (
              <p>
                To get the bulletin again, <Link to="/sign-in?redirectTo=%2Faccount%2Fpreferences">sign in</Link> and turn it on in
                your email preferences.
              </p>
            )}
            <h2>Other email from the network</h2>
            <p>
              Emails about new webinars and events are a separate choice: <Link to="/account/preferences">change your email preferences</Link>{" "}
              (you will need to sign in).
            </p>
            <p>
              Emails about your account, such as sign-in codes and joining links for webinars you register for, are sent while
              you are a member. To stop all email from the network, <Link to="/account/leave">leave the network</Link> from your
              account. <Link to="/faq#leave-the-network">What happens when you leave</Link>.
            </p>
            <p>
              Past bulletins stay in the <Link to="/bulletins">bulletin archive</Link>.
            </p>
          </>
        ) : null}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
