import { describe, expect, it } from "vitest";
import { renderBulletinBody, safeHref } from "~/bulletin/markdown.server";

const appOrigin = "https://portal.example.org";
const email = (markdown: string) => renderBulletinBody(markdown, { appOrigin, flavour: "email" });
const web = (markdown: string) => renderBulletinBody(markdown, { appOrigin, flavour: "web" });

describe("the bulletin's Markdown", () => {
  it("renders headings (the biggest as h2, below the subject), emphasis, lists and links", () => {
    const html = web("# News\n\n## More\n\n**Bold** and _soft_.\n\n- one\n- two\n\n[The FAQ](https://example.org/faq)");
    expect(html).toContain("<h2>News</h2>");
    expect(html).toContain("<h3>More</h3>");
    expect(html).toContain("<strong>Bold</strong> and <em>soft</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.org/faq">The FAQ</a>');
  });

  it("shows raw HTML as the text typed, never as markup", () => {
    for (const markdown of ["<script>alert(1)</script>", '<img src="https://x.org/a.png" onerror="alert(1)">', "<div onclick=\"x\">hi</div>\n\ntext", "a <b>b</b> c"]) {
      for (const html of [email(markdown), web(markdown)]) {
        expect(html).not.toMatch(/<(script|div|b|img)[\s>]/);
        expect(html).toContain("&lt;");
        expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/);
      }
    }
  });

  it("keeps https and mailto links, makes portal paths absolute, and leaves other schemes as the words typed", () => {
    const html = web(
      "[a](https://example.org/x?y=1&z=2) [b](mailto:team@example.org) [c](/faq#contact-us) [d](javascript:alert(1)) [e](http://example.org) [f](//evil.example/x) [g](data:text/html,hi) [h](vbscript:x)",
    );
    expect(html).toContain('<a href="https://example.org/x?y=1&amp;z=2">a</a>');
    expect(html).toContain('<a href="mailto:team@example.org">b</a>');
    expect(html).toContain('<a href="https://portal.example.org/faq#contact-us">c</a>');
    expect(html).toContain(" e ");
    expect(html).toContain("[d](javascript:alert(1))");
    expect(html.match(/<a /g)).toHaveLength(3);
    expect(html).not.toMatch(/href="(javascript:|data:|vbscript:|http:|\/\/)/);
  });

  it("shows https pictures in the email (styled to fit a phone) and links to them on the web", () => {
    const markdown = "![A walking group](https://images.example.org/walk.jpg) ![no](http://images.example.org/x.png) ![js](javascript:alert(1))";
    const mail = email(markdown);
    expect(mail).toMatch(/<img src="https:\/\/images\.example\.org\/walk\.jpg" alt="A walking group" style="[^"]*max-width:100%/);
    expect(mail.match(/<img/g)).toHaveLength(1);
    expect(web(markdown)).toContain('<a href="https://images.example.org/walk.jpg">Picture: A walking group</a>');
  });

  it("styles the email version inline with its own styles only", () => {
    const mail = email("## Heading\n\nText with [a link](https://example.org).");
    expect(mail).toMatch(/<h2 style="font-family:Arial[^"]*">Heading<\/h2>/);
    expect(mail).toMatch(/<a href="https:\/\/example.org\/" style="color:#005eb8[^"]*">a link<\/a>/);
    expect(web("## Heading")).toBe("<h2>Heading</h2>\n");
    expect(web("## A\n\n### B\n\n#### C\n\n##### D")).toBe("<h2>A</h2>\n<h3>B</h3>\n<h4>C</h4>\n<h4>D</h4>\n");
  });

  it("keeps links to a portal run at an http address, and still refuses http links to other sites", () => {
    const localOrigin = "http://localhost:3000";
    const markdown = "[FAQ](/faq) [Events](http://localhost:3000/webinars) [Elsewhere](http://example.org/x) [Other port](http://localhost:4000/x)";
    const page = renderBulletinBody(markdown, { appOrigin: localOrigin, flavour: "web" });
    expect(page).toContain('<a href="http://localhost:3000/faq">FAQ</a>');
    expect(page).toContain('<a href="http://localhost:3000/webinars">Events</a>');
    expect(page).not.toContain("example.org");
    expect(page).not.toContain("localhost:4000");
    expect(page.match(/<a /g)).toHaveLength(2);
    const mail = renderBulletinBody(markdown, { appOrigin: localOrigin, flavour: "email" });
    expect(mail).toMatch(/<a href="http:\/\/localhost:3000\/faq" style="color:#005eb8[^"]*">FAQ<\/a>/);
    expect(mail.match(/<a /g)).toHaveLength(2);
    // At an https portal, an http address to the same host is not the portal.
    expect(safeHref("http://portal.example.org/faq", appOrigin)).toBeUndefined();
  });

  it("does not let a portal path escape the portal", () => {
    expect(safeHref("/\\evil.example", appOrigin)).toBeUndefined();
    expect(safeHref("//evil.example", appOrigin)).toBeUndefined();
    expect(safeHref("/account", appOrigin)).toBe("https://portal.example.org/account");
  });
});
