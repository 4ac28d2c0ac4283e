import { describe, expect, it } from "vitest";
import { loadContent } from "~/content/content.server";
import { decideDomain } from "~/membership/domain-policy.server";
import * as account from "~/routes/account._index";
import * as preferences from "~/routes/account.preferences";
import * as privacy from "~/routes/privacy";
import * as unsubscribe from "~/routes/unsubscribe.$token";
import { bulletinEmail } from "#emails/bulletin";
import { confirmNewEmailEmail } from "#emails/confirm-new-email";
import { joinVerificationEmail } from "#emails/join-verification";
import { signInCodeEmail } from "#emails/sign-in-code";
import { webinarJoiningLinkEmail } from "#emails/webinar-joining-link";
import { recordingPublishedEmail } from "#emails/recording-published";
import { workspaceDigestEmail } from "#emails/workspace-digest";
import { listUnsubscribeHeaders } from "~/mail/unsubscribe-links.server";
import { unsubscribeUrl } from "~/bulletin/unsubscribe-token.server";
import { unsubscribeWithToken } from "~/bulletin/unsubscribe.server";
import { testClock } from "~/clock.server";
import { renderEmail } from "~/mail/render.server";
import { browserIdFor } from "~/webinars/browser-id.server";
import { unsubscribeTokenFor } from "../support/bulletin";
import { createAdmin, createMember, pageRequest, sessionCookieFor, setUpDatabaseTests } from "../support/fixtures";
import { renderPage } from "../support/render-page";
import { approvedMember, newWebinar } from "../support/webinars";

/**
 * What the FAQ and guidance say about joining, signing in, email preferences and webinar emails, held against what the
 * portal does: if either changes, this fails until they agree again.
 */
const { database } = setUpDatabaseTests();

async function page(kind: "faq" | "guidance", slug: string) {
  const content = await loadContent();
  const found = content[kind].find((document) => document.slug === slug);
  if (!found) throw new Error(`no ${kind} ${slug}`);
  return { text: found.text.replace(/\s+/g, " "), html: found.html };
}

describe("joining and approval", () => {
  it("'How do I join' names the addresses that are members at once, and says the others wait for staff", async () => {
    const { text, html } = await page("faq", "how-to-join");
    expect(html).toContain('href="/join"');
    for (const domain of ["nhs.net", "nhs.uk", "gov.uk"]) {
      expect(text).toContain(domain);
      expect(await decideDomain(`someone@${domain}`)).toEqual({ outcome: "trusted" });
    }
    expect(text).toContain("you are a member straight away");
    expect(text).toMatch(/our staff check your request before your membership starts, usually within 2 working days/);
    expect(await decideDomain("someone@riverside-charity.org.uk")).toEqual({ outcome: "review" });
  });

  it("'I have joined but cannot sign in' explains waiting for approval", async () => {
    const { text } = await page("faq", "cannot-sign-in");
    expect(text).toContain("Until it is approved you cannot sign in");
    expect(text).toContain("within 2 working days");
  });

  it("the guidance on getting onto the portal says the same about approval", async () => {
    const { text } = await page("guidance", "platform-access");
    expect(text).toMatch(/other organisations, our staff check the request first/i);
    expect(text).toContain("You cannot sign in until then");
  });
});

describe("email preferences", () => {
  it("the guidance sends members to Email preferences on their account page, which is where they change them", async () => {
    const { text, html } = await page("guidance", "platform-access");
    expect(html).toContain('href="/account"');
    expect(text).toContain("Email preferences");
    expect(html).toContain('href="/faq#unsubscribe-from-the-bulletin"');

    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const accountPage = await renderPage(account, pageRequest("/account", { cookie }));
    expect(accountPage.text).toContain("Email preferences");
    expect(accountPage.html).toContain('href="/account/preferences"');
    const preferencesPage = await renderPage(preferences, pageRequest("/account/preferences", { cookie }));
    expect(preferencesPage.text).toContain("Send me the monthly bulletin");
  });

  it("'How do I stop getting the bulletin?' names the link in every bulletin, whose page has one button and needs no sign-in, and Email preferences", async () => {
    const { text, html } = await page("faq", "unsubscribe-from-the-bulletin");
    expect(html).toContain('href="/account"');
    expect(text).toContain("Email preferences");
    expect(text).toContain('"Send me the monthly bulletin"');
    expect(text).toContain('a link called "unsubscribe from the bulletin"');
    expect(text).toContain('an "Unsubscribe" button');
    expect(text).toContain("You do not need to sign in");
    expect(text).toContain('an "Undo" button for a day. After that, tick "Send me the monthly bulletin" again in your Email preferences');

    // Held against the bulletin itself, the page its link opens, and the mail programs' one-click header.
    const member = await createMember({ bulletin_opt_in: 1 });
    const token = await unsubscribeTokenFor(member.id);
    const url = unsubscribeUrl(token);
    const email = await renderEmail(bulletinEmail, { subject: "News", preheader: "", bodyHtml: "<p>News</p>", archiveUrl: "http://localhost:3000/bulletins/1", unsubscribeUrl: url }, {
      appUrl: "http://localhost:3000",
      contactEmail: "network@spn.example.org",
    });
    expect(email.html).toMatch(new RegExp(`<a href="${url}"[^>]*>\\s*unsubscribe from the bulletin\\s*</a>`));
    expect(listUnsubscribeHeaders(url)).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    const linkPage = await renderPage(unsubscribe, pageRequest(`/unsubscribe/${token}`), { path: "/unsubscribe/:token" });
    expect(linkPage.html).toMatch(/<button[^>]*>Unsubscribe<\/button>/);
    expect(linkPage.text).toContain("You do not need to sign in");
    await unsubscribeWithToken(token, "page");
    const afterwards = await renderPage(unsubscribe, pageRequest(`/unsubscribe/${token}`), { path: "/unsubscribe/:token" });
    expect(afterwards.html).toMatch(/<button[^>]*>Undo: send me the bulletin again<\/button>/);
    testClock.advance(24 * 60 * 60 * 1000);
    const nextDay = await renderPage(unsubscribe, pageRequest(`/unsubscribe/${token}`), { path: "/unsubscribe/:token" });
    expect(nextDay.html).not.toContain("Undo");
    expect(nextDay.html).toContain('href="/sign-in?redirectTo=%2Faccount%2Fpreferences"');
    expect(nextDay.text).toContain("email preferences");
  });
});

describe("webinars", () => {
  it("the FAQ and guidance say the approval email has the calendar file attached and linked, as it has", async () => {
    const faq = await page("faq", "registering-for-webinars");
    expect(faq.text).toContain("That email has a calendar file attached (and a link to the same file");
    const guidance = await page("guidance", "webinars");
    expect(guidance.text).toContain("The email has a calendar file attached, and a link to it");

    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id);
    const { member } = await approvedMember(webinarId, admin.id);
    const approval = await database
      .selectFrom("outbox")
      .select(["text", "attachments_json"])
      .where("template", "=", "webinar-registration-approved")
      .where("to_address", "=", member.email)
      .executeTakeFirstOrThrow();
    expect(approval.text).toContain(`/webinars/${webinarId}/calendar.ics`);
    const attachments = JSON.parse(approval.attachments_json ?? "[]") as { filename: string; contentType: string }[];
    expect(attachments).toEqual([expect.objectContaining({ filename: expect.stringMatching(/\.ics$/), contentType: expect.stringContaining("text/calendar") })]);
  });
});

describe("the privacy notice", () => {
  it("names the cookie that tells which browser joined a webinar, for as long as it is set, and the record of joins it serves", async () => {
    const { text } = await renderPage(privacy, pageRequest("/privacy"));
    const maxAge = Number(/Max-Age=(\d+)/.exec(browserIdFor(pageRequest("/webinars/1")).setCookie ?? "")?.[1]);
    const days = maxAge / (24 * 60 * 60);
    expect(text).toContain("when you join a webinar, the time you joined and which browser you used");
    expect(text).toContain(`set when you first press Join and kept for ${days} days`);
    expect(text).toContain(`the cookie that tells us which browser joined a webinar ends ${days} days after it was set`);
  });

  it("says a copy of each email is kept while you are a member, with codes and joining links taken out once sent", async () => {
    const { text } = await renderPage(privacy, pageRequest("/privacy"));
    expect(text).toContain(
      "a copy of each email we send you. Sign-in codes, confirmation codes, personal joining links and the links that stop an email are removed",
    );
    expect(text).toContain("while you are a member, including the copies of the emails we send you and the record of the webinars you joined");
    // Held against the emails that carry them: their content is removed from the copy once sent.
    for (const template of [signInCodeEmail, joinVerificationEmail, confirmNewEmailEmail, webinarJoiningLinkEmail, workspaceDigestEmail, recordingPublishedEmail]) {
      expect(template.sensitive, template.name).toBe(true);
    }
  });
});
