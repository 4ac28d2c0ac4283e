import { Link } from "~/ui/link";

export interface ContentsLink {
  /** Where the link goes; also how the current page is recognised. */
  to: string;
  label: string;
}

/**
 * A menu of sibling pages or views (the NHS contents list pattern): the one shown now is plain text
 * marked `aria-current`, the others are links.
 */
export function ContentsList({ label, links, current, heading }: { label: string; links: readonly ContentsLink[]; current: string | null; heading?: string }) {
  return (
    <nav className="nhsuk-contents-list" aria-label={label}>
      {heading ? <h2 className="nhsuk-u-visually-hidden">{heading}</h2> : null}
      <ol className="nhsuk-contents-list__list">
        {links.map((link) =>
          link.to === current ? (
            <li key={link.to} className="nhsuk-contents-list__item" aria-current="page">
              <span className="nhsuk-contents-list__current">{link.label}</span>
            </li>
          ) : (
            <li key={link.to} className="nhsuk-contents-list__item">
              <Link className="nhsuk-contents-list__link" to={link.to}>
                {link.label}
              </Link>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
