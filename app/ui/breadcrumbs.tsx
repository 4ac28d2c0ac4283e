import { Link } from "~/ui/link";

export interface Crumb {
  to: string;
  label: string;
}

/** NHS breadcrumb: the trail above the current page (the current page itself is not listed). */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const parent = items[items.length - 1];
  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {items.map((item) => (
          <li key={item.to} className="nhsuk-breadcrumb__list-item">
            <Link className="nhsuk-breadcrumb__link" to={item.to}>
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
      {parent ? (
        <Link className="nhsuk-back-link" to={parent.to}>
          <span className="nhsuk-u-visually-hidden">Back to </span>
          {parent.label}
        </Link>
      ) : null}
    </nav>
  );
}
