import { readFileSync } from "node:fs";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { POST_LINK_REL, renderMarkdown } from "~/workspaces/markdown.server";

type Node = DefaultTreeAdapterMap["childNode"] | DefaultTreeAdapterMap["documentFragment"];
type Element = DefaultTreeAdapterMap["element"];

const vectors = JSON.parse(readFileSync("tests/fixtures/xss-vectors.json", "utf8")) as { source: string; html: string[]; markdown: string[] };

/** The only elements and attributes a rendered post may contain. */
const ALLOWED_TAGS = new Set(["p", "br", "strong", "em", "s", "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"]);
const ALLOWED_ATTRIBUTES: Record<string, Set<string>> = { a: new Set(["href", "rel"]), ol: new Set(["start"]) };

function elements(node: Node): Element[] {
  const children = "childNodes" in node ? node.childNodes : [];
  const own = "tagName" in node ? [node as Element] : [];
  return [...own, ...children.flatMap((child) => elements(child as Node))];
}

/** A URL as a browser reads it: entities are already decoded by the parser; browsers also drop control characters and spaces. */
function normalisedUrl(value: string): string {
  // eslint-disable-next-line no-control-regex -- the characters browsers ignore inside a scheme
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
}

/** Every reason the rendered HTML could run script, parsed as a browser would parse it. */
function scriptRisks(html: string): string[] {
  const risks: string[] = [];
  for (const element of elements(parseFragment(html))) {
    if (!ALLOWED_TAGS.has(element.tagName)) risks.push(`element <${element.tagName}>`);
    if (element.namespaceURI !== "http://www.w3.org/1999/xhtml") risks.push(`foreign element <${element.tagName}> (${element.namespaceURI})`);
    for (const attribute of element.attrs) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on")) risks.push(`event handler ${name}`);
      if (!ALLOWED_ATTRIBUTES[element.tagName]?.has(name)) risks.push(`attribute ${name} on <${element.tagName}>`);
      const value = normalisedUrl(attribute.value);
      if (/^(javascript|vbscript|data|livescript|file):/.test(value)) risks.push(`${name}="${attribute.value}"`);
      if (/expression\(|url\(\s*["']?javascript/.test(value)) risks.push(`style-like ${name}="${attribute.value}"`);
      if (name === "href" && !/^(https?:\/\/|mailto:)/.test(value)) risks.push(`href not a web or mail link: "${attribute.value}"`);
    }
    if (element.tagName === "a" && element.attrs.find((a) => a.name === "rel")?.value !== POST_LINK_REL) risks.push("link without rel=nofollow ugc noopener");
  }
  return risks;
}

describe("post Markdown renders inert against a published list of XSS filter-evasion vectors", () => {
  it("names the list it uses", () => {
    expect(vectors.source).toContain("OWASP");
    expect(vectors.html.length + vectors.markdown.length).toBeGreaterThan(100);
  });

  it.each(vectors.html.map((vector) => [vector]))("raw HTML: %s", (vector) => {
    expect(scriptRisks(renderMarkdown(vector))).toEqual([]);
    // Inside other Markdown too: a paragraph around it, a list item, a quote.
    expect(scriptRisks(renderMarkdown(`Hello\n\n${vector}\n\n- ${vector}\n\n> ${vector}`))).toEqual([]);
  });

  it.each(vectors.markdown.map((vector) => [vector]))("Markdown: %s", (vector) => {
    expect(scriptRisks(renderMarkdown(vector))).toEqual([]);
  });

  it("the check itself notices script in HTML it is given", () => {
    expect(scriptRisks('<p><a href="javascript:alert(1)" rel="nofollow ugc noopener">x</a></p>')).not.toEqual([]);
    expect(scriptRisks("<img src=x onerror=alert(1)>")).not.toEqual([]);
    expect(scriptRisks("<svg><a>x</a></svg>")).not.toEqual([]);
    expect(scriptRisks('<p style="x:expression(alert(1))">x</p>')).not.toEqual([]);
  });
});

describe("post Markdown keeps what members write", () => {
  it("renders emphasis, lists, links and code, with members' links marked as theirs", () => {
    const html = renderMarkdown("**Bold** and *italic*\n\n- one\n- two\n\n[NHS](https://www.nhs.uk) and `code`");
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain("<em>italic</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://www.nhs.uk" rel="nofollow ugc noopener">NHS</a>');
    expect(html).toContain("<code>code</code>");
  });

  it("shows typed HTML as text rather than dropping it", () => {
    expect(renderMarkdown("Use <b> for bold")).toContain("Use &lt;b&gt; for bold");
  });

  it("keeps headings below the page's own", () => {
    expect(renderMarkdown("# Big\n\n## Less")).toMatch(/<h3>Big<\/h3>\s*<h4>Less<\/h4>/);
  });
});
