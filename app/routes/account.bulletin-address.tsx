import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireUser } from "~/auth/access.server";
import { addressProblem, confirmAddress } from "~/bulletin/bounces.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDay } from "~/ui/dates";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Check your email address – Social Prescribing Network" }];

/** Where the account page's "we could not deliver email" banner leads: confirm the address, or change it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const problem = await addressProblem(user);
  const confirmed = new URL(request.url).searchParams.has("confirmed");
  if (!problem && !confirmed) throw redirect("/account");
  return { email: user.email, problem, subscribed: user.bulletin_opt_in === 1 };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  await confirmAddress(user);
  throw redirect("/account/bulletin-address?confirmed");
}

export default function BulletinAddress() {
  const { email, problem, subscribed } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/account", label: "Your account" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {problem ? (
            <>
              <h1>Check your email address</h1>
              <p>
                On {formatUkDay(problem.refusedAt)} the mail server for <strong>{email}</strong> refused an email from us, saying
                the address does not exist. This often happens when an NHSmail address is closed after a change of job.
              </p>
              <p>We have paused the bulletin to this address. Sign-in codes and other emails still go to it.</p>
              <h2>If the address is right</h2>
              <p>It may have been a passing fault. Tell us and we will send the bulletin to it again.</p>
              <Form method="post">
                <button className="nhsuk-button" data-module="nhsuk-button" type="submit">
                  Yes, {email} is right
                </button>
              </Form>
              <h2>If you have a new address</h2>
              <p>
                <Link to="/account/email">Change your email address</Link>. The bulletin will go to the new address.
              </p>
            </>
          ) : (
            <>
              <h1>Thank you</h1>
              <p>
                {subscribed
                  ? `We will send the bulletin to ${email} again.`
                  : `We will use ${email}. You are not subscribed to the bulletin at the moment; you can change that in your email preferences.`}
              </p>
            </>
          )}
          <p>
            <Link to="/account">Go to your account</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
