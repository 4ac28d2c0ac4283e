import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** A section of the portal whose feature has not landed yet: says what it will offer and what to do now. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{title}</h1>
        {children}
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This part of the portal is being built. In the meantime, <Link to="/join">join the network</Link> so you
            hear when it opens, or read the <Link to="/faq">questions and answers</Link>.
          </p>
        </div>
      </div>
    </div>
  );
}
