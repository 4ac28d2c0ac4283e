import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { readFlash } from "~/lib/flash.server";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireUser } from "~/auth/access.server";
import { RefusedAddressBanner } from "~/bulletin/address-banner";
import { addressProblem } from "~/bulletin/bounces.server";
import { profileLabels } from "~/membership/members.server";
import { SuccessBanner } from "~/ui/notification";
import { RouteErrorBoundary } from "~/ui/route-error";
import { SummaryList } from "~/ui/summary-list";

export const meta: MetaFunction = () => [{ title: "Your account – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  // The pages that change the account say so here, once (app/lib/flash.server.ts).
  const flash = readFlash(request);
  return data({
    banner: flash.message,
    profile: {
      fullName: user.full_name,
      email: user.email,
      organisation: user.organisation,
      ...profileLabels(user),
      icbPcn: user.icb_pcn,
    },
    bulletin: user.bulletin_opt_in === 1,
    events: user.events_opt_in === 1,
    refusedAddress: await addressProblem(user),
  }, { headers: flash.headers });
}

export default function Account() {
  const { banner, profile, bulletin, events, refusedAddress } = useLoaderData<typeof loader>();
  const profileChange = (label: string) => ({ to: "/account/profile", label });
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {banner ? <SuccessBanner>{banner}</SuccessBanner> : null}
        <RefusedAddressBanner problem={refusedAddress} />
        <h1>Your account</h1>

        <h2>Your details</h2>
        <SummaryList
          rows={[
            { key: "Full name", value: profile.fullName, change: profileChange("full name") },
            { key: "Email address", value: profile.email, change: { to: "/account/email", label: "email address" } },
            { key: "Organisation", value: profile.organisation, change: profileChange("organisation") },
            { key: "Job role", value: profile.jobRole, change: profileChange("job role") },
            { key: "NHS England region", value: profile.region, change: profileChange("NHS England region") },
            { key: "ICB or PCN", value: profile.icbPcn || "Not given", change: profileChange("ICB or PCN") },
            {
              key: "Workspaces that interest you",
              value: profile.interests.length ? profile.interests.join(", ") : "None chosen",
              change: profileChange("workspaces that interest you"),
            },
          ]}
        />

        <h2>Email preferences</h2>
        <SummaryList
          rows={[
            { key: "Monthly bulletin", value: bulletin ? "Yes" : "No", change: { to: "/account/preferences", label: "monthly bulletin" } },
            {
              key: "New webinars and events",
              value: events ? "Yes" : "No",
              change: { to: "/account/preferences", label: "new webinars and events" },
            },
          ]}
        />
        <p className="nhsuk-body-s">
          Emails about your account, such as sign-in codes and webinar joining links you asked for, are always sent.
        </p>

        <h2>Your data</h2>
        <p>Download a copy of everything the network holds about you, as a JSON file.</p>
        <p>
          <Link to="/account/my-data" reloadDocument download>
            Download my data
          </Link>
        </p>

        <h2>Signed-in devices</h2>
        <p>If you signed in on a shared or lost device, sign out everywhere. You will need to sign in again here too.</p>
        {/* A plain form, like the header's sign out: what follows is a fresh page with nobody signed in. */}
        <form method="post" action="/account/sign-out-everywhere">
          <button className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
            Sign out of all devices
          </button>
        </form>

        <h2>Leave the network</h2>
        <p>
          <Link to="/account/leave">Leave the network and delete your details</Link>
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
