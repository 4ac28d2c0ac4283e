import { describe, expect, it } from "vitest";
import * as join from "~/routes/join._index";
import { pageRequest, setUpDatabaseTests } from "../support/fixtures";
import { renderPage } from "../support/render-page";

setUpDatabaseTests();

describe("error summary links without JavaScript", () => {
  it("go to each field's form group, so the label or question is in view, not just its input", async () => {
    const page = await renderPage(join, pageRequest("/join", { form: { fullName: "", email: "someone@nhs.net" } }));
    const links = [...page.html.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)].map((match) => ({ target: match[1]!, text: match[2]! }));
    expect(links.map((link) => link.text)).toEqual([
      "Enter your full name",
      "Enter the name of your organisation",
      "Select your job role",
      "Select your NHS England region",
    ]);
    for (const { target } of links) {
      expect(target).toMatch(/-form-group$/);
      // The target is the form group: it holds the label or legend and the input the error is about.
      const group = new RegExp(`<div class="nhsuk-form-group nhsuk-form-group--error" id="${target}">(.*?)</div>`, "s").exec(page.html);
      expect(group?.[1], target).toMatch(/<(label|legend|fieldset)/);
    }
  });
});
