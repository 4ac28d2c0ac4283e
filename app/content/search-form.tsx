import { Form } from "@remix-run/react";

/** NHS search input over all questions and guidance; a plain GET form, so it works without JavaScript. */
export function ContentSearchForm({ query = "" }: { query?: string }) {
  return (
    <Form method="get" action="/faq" role="search" aria-label="Questions and guidance">
      <div className="nhsuk-form-group nhsuk-search-input">
        <label className="nhsuk-label nhsuk-label--s" htmlFor="content-search">
          Search questions and guidance
        </label>
        <div className="nhsuk-input-wrapper nhsuk-search-input__wrapper">
          <input
            key={query}
            className="nhsuk-input nhsuk-search-input__input"
            id="content-search"
            name="q"
            type="search"
            defaultValue={query}
            autoComplete="off"
            maxLength={100}
          />
          <button
            className="nhsuk-button nhsuk-button--icon nhsuk-button--small nhsuk-search-input__button"
            type="submit"
            aria-label="Search"
          >
            <svg
              className="nhsuk-icon nhsuk-icon--search"
              xmlns="http://www.w3.org/2000/svg"
              viewBox="0 0 24 24"
              width="16"
              height="16"
              focusable="false"
              aria-hidden="true"
            >
              <path d="m20.7 18.9-4.1-4.1a7 7 0 1 0-1.4 1.4l4 4.1a1 1 0 0 0 1.5 0c.4-.4.4-1 0-1.4ZM6 10.6a5 5 0 1 1 10 0 5 5 0 0 1-10 0Z" />
            </svg>
          </button>
        </div>
      </div>
    </Form>
  );
}
