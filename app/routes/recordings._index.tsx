import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import { getCurrentUser } from "~/auth/access.server";
import { LibraryList } from "~/recordings/library-list";
import { libraryQueryFrom, libraryYears, listRecordings } from "~/recordings/library.server";
import { MembersOnly } from "~/recordings/members-only";
import { THEMES, themeLabel } from "~/recordings/themes";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { SelectField, TextField } from "~/ui/forms";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { FilterButtons } from "~/ui/filter-buttons";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.member ? "Recordings – Social Prescribing Network" : "Recordings are for network members – Social Prescribing Network" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const current = await getCurrentUser(request);
  // Visitors and joiners not yet approved: the members-only page, as a refusal (403).
  if (!current) return data({ member: false as const, returnTo: `${url.pathname}${url.search}` }, { status: 403 });
  const query = libraryQueryFrom(url.searchParams);
  const [result, years] = await Promise.all([listRecordings(query), libraryYears()]);
  return data({ member: true as const, query, years, ...result });
}

export default function Recordings() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  if (!data.member) return <MembersOnly returnTo={data.returnTo} />;
  const { query, years, items, total, page, pageCount, searched } = data;
  const filtered = searched || Boolean(query.theme || query.year);
  const what = [searched ? `“${query.text}”` : "", query.theme ? `in ${themeLabel(query.theme)}` : "", query.year ? `from ${query.year}` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }]} />
      <h1>Recordings</h1>
      <p className="nhsuk-lede-text">Catch up on past webinars: every recording has captions and a transcript, and most have slides.</p>

      <Form method="get" role="search" aria-label="Find recordings">
        <TextField
          id="q"
          name="q"
          type="search"
          label="Search recordings"
          hint="Words from the title, description, speakers, themes or anything said in the webinar"
          defaultValue={query.text}
        />
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <SelectField
              id="theme"
              name="theme"
              label="Theme"
              emptyLabel="Any theme"
              options={THEMES.map(({ value, label }) => ({ value, label }))}
              defaultValue={query.theme}
            />
          </div>
          <div className="nhsuk-grid-column-one-half">
            <SelectField
              id="year"
              name="year"
              label="Year"
              emptyLabel="Any year"
              options={years.map((year) => ({ value: String(year), label: String(year) }))}
              defaultValue={query.year ? String(query.year) : undefined}
            />
          </div>
        </div>
        <FilterButtons submit="Search" clear="Clear search and filters" clearTo="/recordings" showClear={filtered} />
      </Form>

      <p role="status">
        {total === 0
          ? filtered
            ? `No recordings ${searched ? "match " : ""}${what}.`
            : "There are no recordings yet."
          : `${total === 1 ? "1 recording" : `${total} recordings`}${searched ? ` ${total === 1 ? "matches" : "match"}` : ""}${filtered ? ` ${what}` : ""}${
              pageCount > 1 ? ` (page ${page} of ${pageCount})` : ""
            }.`}
      </p>
      {total === 0 && filtered ? (
        <>
          <p>You could:</p>
          <ul>
            <li>check the spelling</li>
            <li>use fewer or different words</li>
            <li>
              <Link to="/recordings">clear the search and filters</Link> to see every recording
            </li>
          </ul>
        </>
      ) : null}

      <LibraryList items={items} />
      <Pagination page={page} pageCount={pageCount} search={location.search} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
