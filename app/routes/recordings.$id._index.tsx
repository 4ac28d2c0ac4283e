import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { getCurrentUser } from "~/auth/access.server";
import { idParam } from "~/lib/params";
import { clockTime, durationInWords } from "~/recordings/durations";
import { fileSizeInWords } from "~/files/sizes";
import { FRAME_SOURCES_HEADER } from "~/recordings/embed.server";
import { MembersOnly } from "~/recordings/members-only";
import { recordingForViewer } from "~/recordings/recording-page.server";
import { themeLabel } from "~/recordings/themes";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDay } from "~/ui/dates";
import { RouteErrorBoundary } from "~/ui/route-error";
import { SummaryList } from "~/ui/summary-list";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.member ? `${data.recording.title} – Recordings – Social Prescribing Network` : "Recordings are for network members – Social Prescribing Network",
  },
];

// The page that embeds a video from an allowed host names that host for its own frame-src.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const current = await getCurrentUser(request);
  // Visitors and joiners not yet approved: the members-only page, as a refusal (403), the same for any id.
  if (!current) return data({ member: false as const, returnTo: `${url.pathname}${url.search}` }, { status: 403 });
  const recording = await recordingForViewer(idParam(params.id), current);
  const headers = new Headers();
  if (recording.embed) headers.set(FRAME_SOURCES_HEADER, recording.embed.origin);
  return data({ member: true as const, recording }, { headers });
}

export default function RecordingPage() {
  const loaded = useLoaderData<typeof loader>();
  if (!loaded.member) return <MembersOnly returnTo={loaded.returnTo} />;
  const { recording } = loaded;
  const speakers = recording.speakers
    .split(";")
    .map((speaker) => speaker.trim())
    .filter(Boolean);
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/recordings", label: "Recordings" }]} />
      {recording.published ? null : (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Not published
            </span>
          </h2>
          <p>Members cannot see this recording yet. You can see it because you are staff.</p>
        </div>
      )}
      <span className="nhsuk-caption-l">Webinar on {formatUkDay(recording.recordedAt)}</span>
      <h1>{recording.title}</h1>

      {recording.video ? (
        <video className="spn-player" controls preload="metadata" aria-label={`Video: ${recording.title}`}>
          <source src={recording.video.url} type={recording.video.type.split(";")[0]} />
          {recording.captionsUrl ? <track kind="captions" src={recording.captionsUrl} srcLang="en" label="English" default /> : null}
          <p>
            Your browser cannot play this video here. <a href={recording.video.url}>Download the video</a> (
            {recording.video.format.toUpperCase()}, {fileSizeInWords(recording.video.bytes)}) and watch it with a video player.
          </p>
        </video>
      ) : recording.embed ? (
        <>
          <iframe
            className="spn-player"
            src={recording.embed.src}
            title={`Video: ${recording.title}`}
            allow="fullscreen; picture-in-picture"
            referrerPolicy="strict-origin-when-cross-origin"
            sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
          />
          <p>
            If the video does not show, <a href={recording.embed.src}>watch it on {recording.embed.host}</a>.
          </p>
        </>
      ) : recording.externalUrl ? (
        <p>
          <a href={recording.externalUrl}>Watch the video on another website</a>
        </p>
      ) : null}

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {recording.description.split(/\n\s*\n/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}

          <SummaryList
            rows={[
              { key: "Date", value: formatUkDay(recording.recordedAt) },
              ...(recording.durationSeconds ? [{ key: "Length", value: durationInWords(recording.durationSeconds) }] : []),
              ...(speakers.length ? [{ key: speakers.length === 1 ? "Speaker" : "Speakers", value: speakers.join(", ") }] : []),
              {
                key: "Themes",
                value: (
                  <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                    {recording.themes.map((theme) => (
                      <li key={theme}>
                        <Link to={`/recordings?${new URLSearchParams({ theme })}`}>{themeLabel(theme)}</Link>
                      </li>
                    ))}
                  </ul>
                ),
              },
              ...(recording.webinar
                ? [{ key: "Webinar", value: <Link to={`/webinars/${recording.webinar.id}`}>{recording.webinar.title}</Link> }]
                : []),
            ]}
          />

          <h2>Slides</h2>
          {recording.slides ? (
            <>
              <p>
                <a href={recording.slides.url} download>
                  Download the slides
                </a>{" "}
                ({recording.slides.format}, {fileSizeInWords(recording.slides.bytes)})
              </p>
              <h3 className="nhsuk-heading-s">What the slides show</h3>
              <p>{recording.slides.summary}</p>
            </>
          ) : (
            <p>There are no slides for this webinar.</p>
          )}

          <h2>Transcript</h2>
          {recording.transcript.length ? (
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Read the transcript</span>
              </summary>
              <div className="nhsuk-details__text">
                {recording.transcript.map((paragraph) => (
                  <p key={paragraph.start}>
                    <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">{clockTime(paragraph.start)}</span>{" "}
                    {paragraph.speaker ? <strong>{paragraph.speaker}: </strong> : null}
                    {paragraph.text}
                  </p>
                ))}
              </div>
            </details>
          ) : (
            <p>There is no transcript for this recording.</p>
          )}
        </div>
        {recording.related.length ? (
          <aside className="nhsuk-grid-column-one-third">
            <div className="spn-related">
              <h2 className="nhsuk-heading-m">Related recordings</h2>
              <ul className="nhsuk-list">
                {recording.related.map((item) => (
                  <li key={item.id}>
                    <Link to={`/recordings/${item.id}`}>
                      {item.title}
                    </Link>
                    <br />
                    <span className="nhsuk-body-s">{formatUkDay(item.recorded_at)}</span>
                  </li>
                ))}
              </ul>
            </div>
          </aside>
        ) : null}
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
