import { describe, expect, it } from "vitest";
import * as faq from "~/routes/faq._index";
import { pageRequest } from "../support/fixtures";
import { renderPage } from "../support/render-page";

/** The status line is a live region: searching again from /faq changes it without a page load, and screen readers read it out. */
function statusOf(html: string): string | undefined {
  return /<p class="nhsuk-u-visually-hidden" role="status">(.*?)<\/p>/s.exec(html)?.[1]?.replace(/&#x27;/g, "'");
}

describe("FAQ search results page", () => {
  it("announces how many results there are", async () => {
    const page = await renderPage(faq, pageRequest("/faq?q=SNOMED"));
    expect(statusOf(page.html)).toMatch(/^\d+ results? for ‘SNOMED’$/);
  });

  it("says when nothing matches well, and why the pages shown are there", async () => {
    const page = await renderPage(faq, pageRequest("/faq?q=moderate%20workspace"));
    expect(statusOf(page.html)).toBe("Nothing matches ‘moderate workspace’ well");
    expect(page.text).toContain("No question or guide has all of those words.");
  });

  it("announces when there are no results at all", async () => {
    const page = await renderPage(faq, pageRequest("/faq?q=xylophone"));
    expect(statusOf(page.html)).toBe("No results for ‘xylophone’");
  });

  it("has an empty status line while browsing", async () => {
    const page = await renderPage(faq, pageRequest("/faq"));
    expect(statusOf(page.html)).toBe("");
  });
});
