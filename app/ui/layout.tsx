import { useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import type { ReactNode } from "react";

export const SERVICE_NAME = "Social Prescribing Network";

export interface ShellUser {
  fullName: string;
  isAdmin: boolean;
}

const NAV_ITEMS = [
  { to: "/webinars", label: "Webinars" },
  { to: "/recordings", label: "Recordings" },
  { to: "/workspaces", label: "Workspaces" },
  { to: "/bulletins", label: "Bulletins" },
  { to: "/faq", label: "FAQ" },
];

export function SkipLink() {
  return (
    <a className="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">
      Skip to main content
    </a>
  );
}

export function Header({ user }: { user: ShellUser | null }) {
  const pathname = useLocation().pathname.replace(/(.)\/$/, "$1");
  return (
    <header className="nhsuk-header" data-module="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-name" to="/">
            {SERVICE_NAME}
          </Link>
        </div>
        <nav className="nhsuk-header__account" aria-label="Account">
          <ul className="nhsuk-header__account-list">
            {user ? (
              <>
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to="/account">
                    Your account
                  </Link>
                </li>
                {user.isAdmin ? (
                  <li className="nhsuk-header__account-item">
                    <Link className="nhsuk-header__account-link" to="/admin/members">
                      Staff tools
                    </Link>
                  </li>
                ) : null}
                <li className="nhsuk-header__account-item">
                  {/* A plain form: signing out loads a fresh page, leaving nothing of the member's in the browser's state. */}
                  <form className="nhsuk-header__account-form" action="/sign-out" method="post">
                    <button className="nhsuk-header__account-button" type="submit">
                      Sign out
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <>
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to="/sign-in">
                    Sign in
                  </Link>
                </li>
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to="/join">
                    Join the network
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
      <nav className="nhsuk-header__navigation" aria-label="Menu">
        <div className="nhsuk-header__navigation-container nhsuk-width-container">
          <ul className="nhsuk-header__navigation-list">
            {NAV_ITEMS.map((item) => (
              <NavigationItem key={item.to} to={item.to} label={item.label} pathname={pathname} />
            ))}
            {/* nhsuk-frontend moves items that do not fit into this "More" menu when JavaScript runs. */}
            <li className="nhsuk-header__menu" hidden>
              <button className="nhsuk-header__menu-toggle nhsuk-header__navigation-link" id="toggle-menu" aria-expanded="false" type="button">
                <span className="nhsuk-u-visually-hidden">Browse </span>More
              </button>
            </li>
          </ul>
        </div>
      </nav>
    </header>
  );
}

/**
 * A menu item marked as nhsuk-frontend marks the current section: the page itself is aria-current="page",
 * a page within the section is aria-current="true"; the <strong> keeps it visible when colours are overridden.
 */
function NavigationItem({ to, label, pathname }: { to: string; label: string; pathname: string }) {
  const isPage = pathname === to;
  const inSection = isPage || pathname.startsWith(`${to}/`);
  return (
    <li className={`nhsuk-header__navigation-item${inSection ? " nhsuk-header__navigation-item--current" : ""}`}>
      <Link className="nhsuk-header__navigation-link" to={to} aria-current={isPage ? "page" : inSection ? "true" : undefined}>
        {inSection ? <strong className="nhsuk-header__navigation-item-current-fallback">{label}</strong> : label}
      </Link>
    </li>
  );
}

export function Footer({ contactEmail }: { contactEmail: string }) {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/faq">
                Questions and answers
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/guidance">
                Guidance
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/privacy">
                Privacy notice
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/accessibility">
                Accessibility statement
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <a className="nhsuk-footer__list-item-link" href={`mailto:${contactEmail}`}>
                Contact us
              </a>
            </li>
          </ul>
          <p className="nhsuk-body-s">Social Prescribing Network</p>
        </div>
      </div>
    </footer>
  );
}

/** Shown on every page while the portal keeps email locally instead of sending it. */
export function MailCaptureBanner() {
  return (
    <div className="nhsuk-notification-banner" role="region" aria-labelledby="mail-capture-title">
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="mail-capture-title">
          Email is captured, not sent
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p>This portal is running without an email server, so it keeps every email it would send.</p>
        <p>
          <Link className="nhsuk-notification-banner__link" to="/dev/mail">
            Read captured email
          </Link>
        </p>
      </div>
    </div>
  );
}

export function PageContainer({ children }: { children: ReactNode }) {
  return <div className="nhsuk-width-container">{children}</div>;
}

export function MainContent({ children }: { children: ReactNode }) {
  return (
    <main className="nhsuk-main-wrapper" id="maincontent" role="main">
      {children}
    </main>
  );
}
