import { formatUkDay } from "~/ui/dates";
import { durationInWords } from "./durations";
import { themeLabel } from "./themes";

export interface LibraryListItem {
  id: number;
  title: string;
  recordedAt: string;
  durationSeconds: number | null;
  speakers: string;
  themes: string[];
  hasCaptions: boolean;
  hasSlides: boolean;
}

/**
 * The library's results: one card per recording with what a member needs to choose one. Links are plain
 * links that load the recording as a new document, so its own Content-Security-Policy (which may allow an
 * embedded player) applies rather than the library's.
 */
export function LibraryList({ items }: { items: LibraryListItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="nhsuk-list spn-recording-list">
      {items.map((item) => (
        <li key={item.id} className="nhsuk-card nhsuk-card--clickable">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading nhsuk-heading-s">
              <a className="nhsuk-card__link" href={`/recordings/${item.id}`}>
                {item.title}
              </a>
            </h2>
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
              Webinar on {formatUkDay(item.recordedAt)}
              {item.durationSeconds ? ` · ${durationInWords(item.durationSeconds)}` : ""}
            </p>
            {item.speakers ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">With {item.speakers.split(";").map((s) => s.trim()).join(", ")}</p> : null}
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
              <span className="nhsuk-u-visually-hidden">Themes: </span>
              {item.themes.map((theme) => (
                <strong key={theme} className="nhsuk-tag nhsuk-tag--white spn-theme-tag">
                  {themeLabel(theme)}
                </strong>
              ))}
            </p>
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
              {[item.hasCaptions ? "Captions and transcript" : "No captions", item.hasSlides ? "Slides to download" : "No slides"].join(" · ")}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
