import { useRouteLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import type { ReactNode } from "react";
import type { RootLoaderData } from "~/root";
import { SummaryList } from "~/ui/summary-list";
import { ContentsList } from "~/ui/contents-list";

/** Page pieces the webinar routes share (browser-safe). */

/** Text staff typed, shown as paragraphs (blank lines separate them). React escapes it. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph, index) => (
          <p key={index} className="spn-pre-line">
            {paragraph}
          </p>
        ))}
    </>
  );
}

export function WebinarFacts({
  webinar,
  places,
}: {
  webinar: { when: string; duration: string; speakers: string; audience: string };
  places?: ReactNode;
}) {
  return (
    <SummaryList
      rows={[
        { key: "Date and time", value: `${webinar.when} (UK time)` },
        { key: "Length", value: webinar.duration },
        ...(webinar.speakers ? [{ key: "Speakers", value: webinar.speakers }] : []),
        ...(webinar.audience ? [{ key: "Who it is for", value: webinar.audience }] : []),
        ...(places ? [{ key: "Places", value: places }] : []),
      ]}
    />
  );
}

/** A plain download link: the browser hands the file to the calendar app; nothing changes. */
export function CalendarLink({ webinarId, children = "Add to your calendar" }: { webinarId: number; children?: ReactNode }) {
  return (
    <Link to={`/webinars/${webinarId}/calendar.ics`} reloadDocument>
      {children}
      <span className="nhsuk-u-visually-hidden"> (calendar file)</span>
    </Link>
  );
}

export function placesText(placesLeft: number): string {
  if (placesLeft === 0) return "Full: registrations now go on the waiting list";
  return placesLeft === 1 ? "1 place left" : `${placesLeft.toLocaleString("en-GB")} places left`;
}

/** Inset text (NHS pattern) with its visually hidden prefix. */
export function InsetText({ children }: { children: ReactNode }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}

/** NHS warning callout (a warning card in nhsuk-frontend 10). */
export function WarningCallout({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {heading}
        </h2>
        {children}
      </div>
    </div>
  );
}

const LIST_PAGES = [
  { to: "/webinars", label: "Upcoming webinars" },
  { to: "/webinars/past", label: "Past webinars" },
] as const;

/** Moves between the upcoming and past lists (NHS contents list pattern); the current one is not a link. */
export function WebinarListNav({ current }: { current: (typeof LIST_PAGES)[number]["to"] }) {
  return (
    <ContentsList label="Webinar lists" links={LIST_PAGES} current={current} />
  );
}

/** After Join: the browser follows the Refresh header at once; the link is there if it does not. */
export function OpeningMeeting({ meetingUrl, title }: { meetingUrl: string; title: string }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Opening the webinar</h1>
        <p>We are taking you to {title}.</p>
        <p>
          If nothing happens, <a href={meetingUrl}>open the webinar</a>.
        </p>
        <InsetText>
          <p>Teams or Zoom may ask whether to open their app or carry on in your browser. Either works.</p>
        </InsetText>
      </div>
    </div>
  );
}


/** The network's help address as a mailto link (from the portal's configuration, via the root loader). */
export function ContactLink() {
  const contactEmail = useRouteLoaderData<RootLoaderData>("root")?.contactEmail ?? "network@spn.example.org";
  return <a href={`mailto:${contactEmail}`}>{contactEmail}</a>;
}
