import { Link } from "~/ui/link";

/** A search or filter form's submit button, and a link back to the unfiltered list once something is chosen. */
export function FilterButtons({ submit, clear, clearTo, showClear }: { submit: string; clear: string; clearTo: string; showClear: boolean }) {
  return (
    <div className="nhsuk-button-group">
      <button className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
        {submit}
      </button>
      {showClear ? (
        <Link className="nhsuk-link" to={clearTo}>
          {clear}
        </Link>
      ) : null}
    </div>
  );
}
