import { Link } from "~/ui/link";
import type { ReactNode } from "react";
import { Breadcrumbs } from "~/ui/breadcrumbs";

/** The frame of a page reached from "Your account", with an optional link back to it after the content. */
export function AccountSubpage({ children, back }: { children: ReactNode; back?: string }) {
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/account", label: "Your account" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {children}
          {back ? (
            <p>
              <Link to="/account">{back}</Link>
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}
