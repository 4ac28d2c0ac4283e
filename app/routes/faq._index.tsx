import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { config } from "~/config.server";
import { ContentBody } from "~/content/content-body";
import { faqPage } from "~/content/pages.server";
import { ContentSearchForm } from "~/content/search-form";
import { searchContent, type SearchOutcome } from "~/content/search.server";
import { RouteErrorBoundary } from "~/ui/route-error";

const MAX_QUERY_LENGTH = 100;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.query
      ? `Search results for ${data.query} – Social Prescribing Network`
      : "Questions and answers – Social Prescribing Network",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const query = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  if (query) return { query, search: await searchContent(query), contactEmail: config().contactEmail, page: null };
  return { query, search: null, contactEmail: config().contactEmail, page: await faqPage() };
}

export default function Faq() {
  const { query, search, contactEmail, page } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds spn-prose">
        <h1>Questions and answers</h1>
        <p className="nhsuk-lede-text">
          Answers about social prescribing, the network, signing in, webinars and recording activity.
        </p>
        <ContentSearchForm query={query} />
        {/* Searching again from here changes the page without loading a new one: this tells screen readers what came back. */}
        <p className="nhsuk-u-visually-hidden" role="status">
          {search ? searchHeading(query, search) : ""}
        </p>
        {search ? <SearchResults query={query} search={search} contactEmail={contactEmail} /> : null}
        {page ? (
          <>
            <nav className="nhsuk-contents-list" aria-label="Sections on this page">
              <h2 className="nhsuk-u-visually-hidden">Contents</h2>
              <ol className="nhsuk-contents-list__list">
                {page.sections.map((section) => (
                  <li key={section.id} className="nhsuk-contents-list__item">
                    <a className="nhsuk-contents-list__link" href={`#${section.id}`}>
                      {section.title}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
            {page.sections.map((section) => (
              <section key={section.id} aria-labelledby={section.id}>
                <h2 id={section.id}>{section.title}</h2>
                {section.questions.map((q) => (
                  <div key={q.slug} className="spn-faq-question">
                    <h3 id={q.slug}>{q.question}</h3>
                    <ContentBody html={q.html} />
                  </div>
                ))}
              </section>
            ))}
            <p>
              For more detail, read the <Link to="/guidance">guidance</Link>.
            </p>
            {page.lastReviewed ? (
              <p className="nhsuk-body-s">
                Page last reviewed: <time dateTime={page.lastReviewed.iso}>{page.lastReviewed.text}</time>
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}

function searchHeading(query: string, { results, match }: SearchOutcome): string {
  if (results.length === 0) return `No results for ‘${query}’`;
  if (match === "some-words") return `Nothing matches ‘${query}’ well`;
  return `${results.length === 1 ? "1 result" : `${results.length} results`} for ‘${query}’`;
}

function SearchResults({ query, search, contactEmail }: { query: string; search: SearchOutcome; contactEmail: string }) {
  const { results, match } = search;
  if (results.length === 0) {
    return (
      <>
        <h2>{searchHeading(query, search)}</h2>
        <p>Try:</p>
        <ul>
          <li>checking the spelling</li>
          <li>fewer words, or a different word such as ‘webinar’, ‘referral’ or ‘sign in’</li>
        </ul>
        <p>
          You can also <Link to="/faq">browse all questions</Link>, read the <Link to="/guidance">guidance</Link>, or
          email <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
        </p>
      </>
    );
  }
  return (
    <>
      <h2>{searchHeading(query, search)}</h2>
      {match === "some-words" ? (
        <p>
          No question or guide has all of those words. {results.length === 1 ? "This page has" : "These pages have"} some
          of them, or try different words.
        </p>
      ) : null}
      <ul className="nhsuk-list spn-search-results">
        {results.map((result) => (
          <li key={result.href}>
            <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
              <Link to={result.href}>{result.title}</Link>
            </h3>
            <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">{result.context}</p>
            <p>{result.summary}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/faq">Show all questions</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
