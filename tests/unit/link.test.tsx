import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Link as RemixLink, type LinkProps } from "@remix-run/react";
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { Link } from "~/ui/link";

/** Server markup of a link on a page at `location`. */
function rendered(Component: typeof Link, props: LinkProps, location = "/admin/members"): string {
  return renderToStaticMarkup(
    <StaticRouter location={location}>
      <Component {...props} />
    </StaticRouter>,
  );
}

const LINKS: LinkProps[] = [
  { to: "/faq", children: "Questions and answers" },
  { to: "/", className: "nhsuk-header__service-name", children: "Home" },
  { to: "/recordings?page=2&q=green#results", "aria-current": "page", children: <strong>Recordings</strong> },
  { to: "/guidance/", children: "Guidance" },
  { to: "/webinars/4/calendar.ics", reloadDocument: true, download: "spn-webinar.ics", children: "Add to calendar" },
  { to: "/files/1", target: "_blank", rel: "noopener", children: "Open in a new tab" },
  { to: "/account", discover: "none", prefetch: "intent", replace: true, state: { from: "x" }, children: "Account" },
  { to: "/privacy", id: "privacy", title: "Privacy notice", onClick: () => undefined, children: "Privacy" },
  // Not paths from the root: these go through Remix's own Link.
  { to: "?status=pending", children: "Waiting" },
  { to: "../audit", relative: "path", children: "Audit log" },
  { to: "/faq?", children: "Empty search" },
  { to: "/account//email", children: "A doubled slash" },
  { to: "/guidance/../faq", children: "A step back" },
  { to: "/faq/.", children: "A dot" },
  { to: "/recordings?next=/a//b", children: "A doubled slash in the search only" },
  { to: "/faq#", children: "Empty fragment" },
  { to: "//elsewhere.example.org/x", children: "Elsewhere" },
  { to: "https://www.england.nhs.uk/", children: "NHS England" },
  { to: { pathname: "/faq", search: "?q=link" }, children: "An object" },
];

describe("Link", () => {
  it.each(LINKS.map((props) => [JSON.stringify(props.to), props] as const))(
    "renders %s on the server exactly as Remix's Link does",
    (_to, props) => {
      expect(rendered(Link, props)).toBe(rendered(RemixLink, props));
    },
  );

  it("renders a path from the root as its own href with the route-discovery mark", () => {
    expect(rendered(Link, { to: "/faq", className: "x", children: "FAQ" })).toBe('<a class="x" data-discover="true" href="/faq">FAQ</a>');
  });

  it("is the only way the app imports a link, so no page pays for Remix's server-side link", () => {
    const offenders = sourceFiles("app").filter(
      (file) => file !== join("app", "ui", "link.tsx") && /import\s*\{[^}]*\bLink\b[^}]*\}\s*from\s*"@remix-run\/react"/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
