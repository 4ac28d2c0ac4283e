import { Children, createContext, isValidElement, useContext, type ReactNode } from "react";

/**
 * The components MDX content may use, in NHS.UK markup. They are rendered to HTML on the server
 * (render.server.tsx); the browser never runs MDX code, so none of them may rely on React state.
 */

export interface RenderSettings {
  /** The network's help address, from configuration, so content never hard-codes it. */
  contactEmail: string;
  /** FAQ answers sit under an h3 question; guidance sections are h2. Callout headings go one below. */
  calloutHeadingLevel: 3 | 4;
}

export const RenderSettingsContext = createContext<RenderSettings>({
  contactEmail: "network@spn.example.org",
  calloutHeadingLevel: 3,
});

export function ContactEmail() {
  const { contactEmail } = useContext(RenderSettingsContext);
  return <a href={`mailto:${contactEmail}`}>{contactEmail}</a>;
}

export function InsetText({ children }: { children: ReactNode }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}

export function WarningCallout({ heading = "Important", children }: { heading?: string; children: ReactNode }) {
  const Heading = `h${useContext(RenderSettingsContext).calloutHeadingLevel}` as const;
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {heading}
        </Heading>
        {children}
      </div>
    </div>
  );
}

export function Details({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">{children}</div>
    </details>
  );
}

/**
 * A clinical code to record, readable and selectable as text. The copy button is hidden until the
 * page's script shows it (content-body.tsx), so without JavaScript nobody sees a button that does nothing.
 */
export function CodeToRecord({ code, term, system = "SNOMED CT" }: { code: string; term: string; system?: string }) {
  return (
    <div className="spn-code-to-record">
      <p className="spn-code-to-record__term">
        <strong>{term}</strong> ({system} code)
      </p>
      <div className="nhsuk-code">
        <pre className="nhsuk-code__container">
          <code className="nhsuk-code__content spn-code-to-record__code">{code}</code>
        </pre>
      </div>
      <button
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small spn-code-to-record__button"
        type="button"
        data-copy-code={code}
        hidden
      >
        <span data-copy-label="">Copy code</span>
        <span className="nhsuk-u-visually-hidden"> {code}</span>
      </button>
      <p className="nhsuk-u-visually-hidden" aria-live="polite" data-copy-status=""></p>
    </div>
  );
}

/** Stable heading ids, so other pages can link to a part of a guidance page. */
export function headingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function textOf(node: ReactNode): string {
  return Children.toArray(node)
    .map((child) => {
      if (typeof child === "string" || typeof child === "number") return String(child);
      if (isValidElement<{ children?: ReactNode }>(child)) return textOf(child.props.children);
      return "";
    })
    .join("");
}

function H2({ children }: { children?: ReactNode }) {
  return <h2 id={headingId(textOf(children))}>{children}</h2>;
}

function H3({ children }: { children?: ReactNode }) {
  return <h3 id={headingId(textOf(children))}>{children}</h3>;
}

export const mdxComponents = { InsetText, WarningCallout, Details, CodeToRecord, ContactEmail, h2: H2, h3: H3 };
