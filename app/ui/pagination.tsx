import { Link } from "~/ui/link";

/**
 * NHS numbered pagination for GET lists. Keeps the other query parameters (search and filters)
 * and only changes `page`.
 */
export function Pagination({ page, pageCount, search }: { page: number; pageCount: number; search: string }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(search);
    if (target === 1) params.delete("page");
    else params.set("page", String(target));
    const query = params.toString();
    return query ? `?${query}` : "?";
  };
  // Around the current page, plus first and last, with gaps shown as an ellipsis.
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  return (
    <nav className="nhsuk-pagination nhsuk-pagination--numbered" role="navigation" aria-label="Pagination">
      {page > 1 ? (
        <Link to={href(page - 1)} className="nhsuk-pagination__previous" rel="prev">
          <svg className="nhsuk-icon nhsuk-icon--arrow-left" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
            <path d="M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z" />
          </svg>
          <span className="nhsuk-pagination__title">
            Previous<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
        </Link>
      ) : null}
      <ul className="nhsuk-pagination__list">
        {shown.map((n, index) => (
          <PageItem key={n} n={n} current={n === page} href={href(n)} gapBefore={index > 0 && n - (shown[index - 1] ?? n) > 1} />
        ))}
      </ul>
      {page < pageCount ? (
        <Link to={href(page + 1)} className="nhsuk-pagination__next" rel="next">
          <span className="nhsuk-pagination__title">
            Next<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
          <svg className="nhsuk-icon nhsuk-icon--arrow-right" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
            <path d="m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z" />
          </svg>
        </Link>
      ) : null}
    </nav>
  );
}

function PageItem({ n, current, href, gapBefore }: { n: number; current: boolean; href: string; gapBefore: boolean }) {
  return (
    <>
      {gapBefore ? <li className="nhsuk-pagination__item nhsuk-pagination__item--ellipsis">&ctdot;</li> : null}
      <li className={`nhsuk-pagination__item${current ? " nhsuk-pagination__item--current" : ""}`}>
        <Link className="nhsuk-pagination__link" to={href} aria-label={`Page ${n}`} aria-current={current ? "page" : undefined}>
          {n}
        </Link>
      </li>
    </>
  );
}
