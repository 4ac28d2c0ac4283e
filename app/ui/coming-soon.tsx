import { Link, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { RootLoaderData } from "~/root";

/**
 * A section of the portal whose feature has not landed yet: says what it will offer and what to do now.
 * Visitors are asked to join; members already are, so they are told they will hear when it opens.
 */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  const signedIn = Boolean(useRouteLoaderData<RootLoaderData>("root")?.user);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{title}</h1>
        {children}
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {signedIn ? (
            <p>
              This part of the portal is being built. You are a member, so there is nothing you need to do: we will let
              members know when it opens. In the meantime, read the <Link to="/faq">questions and answers</Link>.
            </p>
          ) : (
            <p>
              This part of the portal is being built. In the meantime, <Link to="/join">join the network</Link> so you
              hear when it opens, or read the <Link to="/faq">questions and answers</Link>.
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
