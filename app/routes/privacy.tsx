import type { MetaFunction } from "@remix-run/node";
import { useRouteLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import type { RootLoaderData } from "~/root";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Privacy notice – Social Prescribing Network" }];

export default function Privacy() {
  const contactEmail = useRouteLoaderData<RootLoaderData>("root")?.contactEmail ?? "network@spn.example.org";
  const contact = <a href={`mailto:${contactEmail}`}>{contactEmail}</a>;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Privacy notice</h1>
        <p className="nhsuk-lede-text">
          This notice explains what the Social Prescribing Network keeps about its members, why, for how long, and how to
          have it deleted.
        </p>

        <h2>Who is responsible for your information</h2>
        <p>
          The organisation that hosts the Social Prescribing Network is the data controller for this website. You can
          reach the network team, including about anything on this page, at {contact}.
        </p>

        <h2>What we keep</h2>
        <ul>
          <li>what you tell us when you join: your name, work email address, organisation, job role, NHS England region, and your ICB or PCN if you give it</li>
          <li>the workspaces you said interest you, and whether you want the monthly bulletin and news of events</li>
          <li>the webinars you register for, and what you post in workspaces</li>
          <li>
            when you join a webinar, the time you joined and which browser you used. The browser is known by a cookie
            holding a random code, set when you first press Join and kept for 400 days; we store the code only in a scrambled
            form. It lets the network team see when one person's joining link is used from several browsers, which usually
            means it was passed on
          </li>
          <li>
            a copy of each email we send you. Sign-in codes, confirmation codes, personal joining links and the links that
            stop an email are removed from the copy once the email is sent
          </li>
          <li>
            to keep your account safe: a cookie that keeps you signed in, the codes we email you (stored in a scrambled form
            we cannot read back), and, for one day, the internet address your requests came from, so we can stop anyone
            sending too many emails
          </li>
        </ul>
        <p>We do not ask for, and you should not post, anything about the people you support.</p>

        <h2>Why we keep it</h2>
        <ul>
          <li>to run your membership: to check you work in or with social prescribing, sign you in, and send webinar links</li>
          <li>to let other members see your name and organisation next to what you post, so they know who they are talking to</li>
          <li>
            to send the bulletin and news of events, only if you ticked those boxes; you can change your mind at any time
            from your account or from the link in each email
          </li>
        </ul>
        <p>
          We use your information because running a professional network for its members is a legitimate interest of the
          network, and for the bulletin and event emails because you agreed. We never sell it or use it for advertising.
        </p>

        <h2>Who can see it</h2>
        <p>
          The network team can see your details to run the network. Other members see only your name and organisation
          alongside what you post. Our email and hosting providers handle your information for us, under contract, to
          deliver the service and nothing else.
        </p>

        <h2>How long we keep it</h2>
        <ul>
          <li>while you are a member, including the copies of the emails we send you and the record of the webinars you joined</li>
          <li>if you never confirm your email address when joining, we delete what you entered after 30 days</li>
          <li>codes we email you work for 30 minutes and are deleted a day later</li>
          <li>if you do not use the website for 30 days, you are signed out</li>
          <li>the cookie that tells us which browser joined a webinar ends 400 days after it was set</li>
        </ul>

        <h2>How to leave</h2>
        <p>
          You can leave the network at any time from <Link to="/account">your account</Link>. We then delete your name,
          email address and profile straight away. Anything you posted stays so conversations still make sense, but it is
          shown as from a former member. You can also download a copy of what we keep about you from your account.
        </p>

        <h2>Your rights</h2>
        <p>
          You can ask us for a copy of your information, to correct it, or to delete it, by emailing {contact}. If you are
          unhappy with how we have used your information, tell us first. You can also complain to the Information
          Commissioner's Office (ICO), the UK regulator for data protection.
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
