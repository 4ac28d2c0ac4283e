import type { MetaFunction } from "@remix-run/node";
import { Link } from "~/ui/link";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [
  { title: "Social Prescribing Network" },
  {
    name: "description",
    content: "The national network for social prescribing link workers in England: webinars, recordings, regional workspaces, a monthly bulletin and guidance.",
  },
];

const SECTIONS = [
  {
    to: "/webinars",
    title: "Webinars",
    description: "See the fortnightly webinars and register for a place. Once staff approve you, your personal joining link is emailed to you by 10am (UK time) on the day.",
  },
  {
    to: "/recordings",
    title: "Recordings",
    description: "Missed a session? Recordings follow within a few days: members can search them, watch with captions, read the transcript and download the slides.",
  },
  {
    to: "/workspaces",
    title: "Workspaces",
    description: "Regional and themed spaces for discussion and resources, kept free of advertising by their leads. Some are private: ask to join.",
  },
  {
    to: "/bulletins",
    title: "Bulletin",
    description: "Members can have the monthly bulletin by email and read past issues here. Every copy has a one-click unsubscribe link.",
  },
  {
    to: "/faq",
    title: "Questions and answers",
    description: "What social prescribing is, how to record it, and what to do if you cannot get onto the platform.",
  },
];

export default function Home() {
  return (
    <>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Social Prescribing Network</h1>
          <p className="nhsuk-lede-text">
            A national network for social prescribing link workers in England, and for the people who support, manage and
            commission them.
          </p>
          <p>
            Members come to learn from each other: a webinar every other week, recordings to catch up on, regional and
            themed workspaces to share what works locally, and a monthly bulletin.
          </p>
          <Link className="nhsuk-action-link" to="/join">
            <svg className="nhsuk-icon nhsuk-icon--arrow-right-circle" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="36" height="36" focusable="false" aria-hidden="true">
              <path d="M12 2a10 10 0 0 0-10 9h11.7l-4-4a1 1 0 0 1 1.5-1.4l5.6 5.7a1 1 0 0 1 0 1.4l-5.6 5.7a1 1 0 0 1-1.5 0 1 1 0 0 1 0-1.4l4-4H2A10 10 0 1 0 12 2z" />
            </svg>
            <span className="nhsuk-action-link__text">Join the network with your work email address</span>
          </Link>
        </div>
      </div>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {SECTIONS.map((section) => (
          <li key={section.to} className="nhsuk-grid-column-one-third nhsuk-card-group__item">
            <div className="nhsuk-card nhsuk-card--clickable">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-m">
                  <Link className="nhsuk-card__link" to={section.to}>
                    {section.title}
                  </Link>
                </h2>
                <p className="nhsuk-card__description">{section.description}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
