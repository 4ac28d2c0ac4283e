import { describe, expect, it } from "vitest";
import { findUserById } from "~/auth/users.server";
import { createSession } from "~/auth/sessions.server";
import { requestEmailChange } from "~/membership/email-change.server";
import * as join from "~/routes/join._index";
import * as pending from "~/routes/join.pending";
import { addMember, pageRequest, setUpDatabaseTests } from "../support/fixtures";
import { renderPage } from "../support/render-page";

const { database, ip } = setUpDatabaseTests();

const JOIN_FORM = { fullName: "Alex Example", email: "alex@gmail.com", organisation: "Riverside PCN", jobRole: "link-worker", region: "london" };

describe("membership wording", () => {
  it("a member changing to a personal address is not told they cannot join", async () => {
    const id = await addMember(database, "me@nhs.net");
    const { session } = await createSession(id);
    const result = await requestEmailChange({ user: (await findUserById(id))!, sessionId: session.id }, "me@gmail.com", { ip });
    expect(result).toMatchObject({ ok: false, emailError: expect.stringMatching(/^You cannot use a personal email address for your membership\./) });
    expect("emailError" in result && result.emailError).not.toMatch(/join/);
  });

  it("a joiner with a personal address is told they cannot join with it", async () => {
    const page = await renderPage(join, pageRequest("/join", { form: JOIN_FORM }));
    expect(page.text).toContain("You cannot join with a personal email address.");
  });

  it("the contact address in the personal-email error is a mailto link by the field (and plain text in the summary's link)", async () => {
    const page = await renderPage(join, pageRequest("/join", { form: JOIN_FORM }));
    const byField = /<span class="nhsuk-error-message" id="join-email-error">(.*?)<\/span>\s*<input/s.exec(page.html)?.[1] ?? "";
    expect(byField).toContain('<a href="mailto:network@spn.example.org">network@spn.example.org</a>');
    const summaryLink = /<ul class="nhsuk-list nhsuk-error-summary__list">(.*?)<\/ul>/s.exec(page.html)?.[1] ?? "";
    expect(summaryLink).not.toContain("mailto:");
  });

  it("the pending page says how long approval usually takes, as its email does", async () => {
    const page = await renderPage(pending, pageRequest("/join/pending"));
    expect(page.text).toContain("We usually do this within 2 working days");
  });
});
