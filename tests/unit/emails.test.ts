import { readdirSync } from "node:fs";
import { createElement, type ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { accountUnavailableEmail } from "#emails/account-unavailable";
import { awaitingReviewEmail } from "#emails/awaiting-review";
import { bulletinEmail } from "#emails/bulletin";
import { confirmNewEmailEmail } from "#emails/confirm-new-email";
import type { EmailContext, EmailTemplate } from "#emails/define";
import { emailAlreadyMemberEmail } from "#emails/email-already-member";
import { emailChangedEmail } from "#emails/email-changed";
import { joinRequestReceivedEmail } from "#emails/join-request-received";
import { joinVerificationEmail } from "#emails/join-verification";
import { joinerToReviewEmail } from "#emails/joiner-to-review";
import { memberApprovedEmail } from "#emails/member-approved";
import { memberDeclinedEmail } from "#emails/member-declined";
import { memberLeftEmail } from "#emails/member-left";
import { memberRemovedEmail } from "#emails/member-removed";
import { memberWelcomeEmail } from "#emails/member-welcome";
import { noAccountEmail } from "#emails/no-account";
import { recordingPublishedEmail } from "#emails/recording-published";
import { signInCodeEmail } from "#emails/sign-in-code";
import { testMessageEmail } from "#emails/test-message";
import { render } from "@react-email/render";
import { EmailLayout } from "#emails/layout";
import { workspaceDigestEmail } from "#emails/workspace-digest";
import { workspaceJoinRequestEmail } from "#emails/workspace-join-request";
import { workspaceMemberRemovedEmail } from "#emails/workspace-member-removed";
import { workspacePostHiddenEmail } from "#emails/workspace-post-hidden";
import { workspaceRequestApprovedEmail } from "#emails/workspace-request-approved";
import { workspaceRequestDeclinedEmail } from "#emails/workspace-request-declined";
import { webinarAnnouncementEmail } from "#emails/webinar-announcement";
import { webinarCancelledEmail } from "#emails/webinar-cancelled";
import { webinarJoiningLinkEmail } from "#emails/webinar-joining-link";
import { webinarPlaceOfferedEmail } from "#emails/webinar-place-offered";
import { webinarRegistrationApprovedEmail } from "#emails/webinar-registration-approved";
import { webinarRegistrationCancelledEmail } from "#emails/webinar-registration-cancelled";
import { webinarRegistrationDeclinedEmail } from "#emails/webinar-registration-declined";
import { webinarRegistrationReceivedEmail } from "#emails/webinar-registration-received";
import { webinarRegistrationWaitlistedEmail } from "#emails/webinar-registration-waitlisted";
import { webinarTimeChangedEmail } from "#emails/webinar-time-changed";
import { PLAIN_TEXT_OPTIONS, renderEmail } from "~/mail/render.server";

const context: EmailContext = { appUrl: "https://portal.example.org", contactEmail: "network@spn.example.org" };
const webinar = { fullName: "Sam Carter", title: "Supporting carers", when: "Wednesday 7 April 2027, 1pm to 2pm", webinarId: 12 };
const code = { link: "https://portal.example.org/verify/abc123?token=def456", code: "123456", validMinutes: 30 };

// Every template with example props (fictional).
const EXAMPLES: Array<[EmailTemplate<never>, unknown]> = [
  [accountUnavailableEmail, {}],
  [awaitingReviewEmail, { asked: "sign-in" }],
  [
    bulletinEmail,
    {
      subject: "Network bulletin: December 2026",
      preheader: "Winter news",
      bodyHtml: '<h2>News</h2><p>Read <a href="https://portal.example.org/faq">the FAQ</a>.</p>',
      archiveUrl: "https://portal.example.org/bulletins/3",
      unsubscribeUrl: "https://portal.example.org/unsubscribe/abcdefghijklmnopqrstuvwxyz234567",
    },
  ],
  [confirmNewEmailEmail, code],
  [emailAlreadyMemberEmail, {}],
  [emailChangedEmail, { newEmail: "sam.new@nhs.net" }],
  [joinRequestReceivedEmail, { fullName: "Hannah Price" }],
  [joinVerificationEmail, { ...code, fullName: "Sam Carter" }],
  [joinerToReviewEmail, { fullName: "Hannah Price", organisation: "Meadowbank Wellbeing", domain: "meadowbank-wellbeing.org.uk" }],
  [memberApprovedEmail, { fullName: "Hannah Price" }],
  [memberDeclinedEmail, { fullName: "Joy Adeyemi", reason: "We could not tell how your role involves social prescribing." }],
  [memberLeftEmail, { fullName: "Sam Carter" }],
  [memberRemovedEmail, { fullName: "Sam Carter", reason: "You asked us to." }],
  [memberWelcomeEmail, { fullName: "Sam Carter" }],
  [noAccountEmail, {}],
  [recordingPublishedEmail, { fullName: "Sam Carter", recordingId: 12, title: "Green prescribing in winter", webinarTitle: "Green prescribing in winter", hasSlides: true, unsubscribeUrl: "https://portal.example.org/event-emails/unsubscribe/abcdefghijklmnopqrstuvwxyz234567" }],
  [signInCodeEmail, { ...code, asked: "sign-in" }],
  [testMessageEmail, { note: "Sent from the tests." }],
  [workspaceDigestEmail, {
    fullName: "Sam Carter",
    day: "1 December 2026",
    workspaces: [{ name: "London", slug: "london", unsubscribeUrl: "https://portal.example.org/workspaces/unsubscribe/abc234?workspace=london", threads: [{ id: 4, title: "Keeping a directory current", authorName: "Tom Okafor" }] }],
  }],
  [workspaceJoinRequestEmail, { requesterName: "Grace Mensah", workspaceName: "Social prescribing champions", workspaceSlug: "social-prescribing-champions" }],
  [workspaceMemberRemovedEmail, { fullName: "Daniel Reid", workspaceName: "London", reason: "Repeated advertising." }],
  [workspacePostHiddenEmail, { fullName: "Daniel Reid", workspaceName: "London", reason: "No selling.", postPath: "/workspaces/london/threads/4?page=2#post-9" }],
  [workspaceRequestApprovedEmail, { fullName: "Grace Mensah", workspaceName: "Social prescribing champions", workspaceSlug: "social-prescribing-champions" }],
  [workspaceRequestDeclinedEmail, { fullName: "Grace Mensah", workspaceName: "Social prescribing champions", reason: "Champions only." }],
  [webinarAnnouncementEmail, { title: "Supporting carers", dates: [webinar.when], series: false, description: "About carers.", path: "/webinars/12", unsubscribeUrl: "https://portal.example.org/event-emails/unsubscribe/abcdefghijklmnopqrstuvwxyz234567" }],
  [webinarCancelledEmail, { ...webinar, reason: "The speaker is unwell; we will hold it on 21 April instead." }],
  [webinarJoiningLinkEmail, { ...webinar, token: "abcdefghijklmnopqrstuvwxyz234567", joinOpens: "12:30pm" }],
  [webinarPlaceOfferedEmail, { ...webinar, linksSendAt: "at 10am on Wednesday 7 April 2027" }],
  [webinarRegistrationApprovedEmail, { ...webinar, linksSendAt: null }],
  [webinarRegistrationCancelledEmail, webinar],
  [webinarRegistrationDeclinedEmail, { ...webinar, reason: "This session is for link workers." }],
  [webinarRegistrationReceivedEmail, webinar],
  [webinarRegistrationWaitlistedEmail, webinar],
  [webinarTimeChangedEmail, { ...webinar, previousWhen: "Wednesday 31 March 2027, 1pm to 2pm", linksSendAt: "at 10am on Wednesday 7 April 2027" }],
];

// Pages that only show something on GET (a mail scanner opening them changes nothing): the verify page, the
// personal webinar joining page (/j/…) and the bulletin and event-email unsubscribe pages show a button that POSTs; the others are plain pages or a calendar file.
const SAFE_LINK =
  /^(mailto:|https:\/\/portal\.example\.org\/(verify\/[a-z0-9]+\?token=[a-z0-9]+|sign-in|join|faq|account|admin\/members(\?status=pending)?|workspaces\/[a-z0-9-]+(\/moderation|\/threads\/\d+(\?page=\d+)?(#post-\d+)?)?|workspaces\/unsubscribe\/[a-z0-9]+\?workspace=[a-z0-9-]+|(event-emails\/)?unsubscribe\/[a-z2-7]{32}|bulletins\/\d+|recordings\/\d+|account\/preferences|webinars|webinars\/\d+(\/calendar\.ics)?|j\/[a-z2-7]+)$)/;

it("has an example for every template in emails/, so none escapes the link check", async () => {
  const templateNames: string[] = [];
  for (const file of readdirSync("emails").filter((name) => name.endsWith(".tsx"))) {
    const module = (await import(`../../emails/${file}`)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (value && typeof value === "object" && "subject" in value && "Body" in value) templateNames.push((value as EmailTemplate<never>).name);
    }
  }
  expect(EXAMPLES.map(([template]) => template.name).sort()).toEqual(templateNames.sort());
});

describe.each(EXAMPLES.map(([template, props]) => [template.name, template, props] as const))("the %s email", (_name, template, props) => {
  it("renders as react-email's own render does (markup less React's stream markers, and the same text)", async () => {
    const email = await renderEmail(template, props as never, context);
    const { Body } = template;
    const preview = template.preview?.(props as never) ?? email.subject;
    const body = createElement(Body as (props: { context: EmailContext }) => ReactElement, { ...(props as object), context });
    const element = createElement(EmailLayout, { preview, context, children: body });
    const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions: PLAIN_TEXT_OPTIONS })]);
    expect(email.html).toBe(html.replace(/<!--(\$|\/\$| )-->/g, ""));
    expect(email.text).toBe(text);
  });

  it("links only to pages that change nothing when opened, and its text version carries the same links", async () => {
    const email = await renderEmail(template, props as never, context);
    const hrefs = [...email.html.matchAll(/href="([^"]+)"/g)].map((match) => (match[1] ?? "").replace(/&amp;/g, "&"));
    for (const href of hrefs) {
      expect(href).toMatch(SAFE_LINK);
      if (!href.startsWith("mailto:")) expect(email.text).toContain(href);
    }
  });
});

describe("email wording and layout", () => {
  it("gives every email its title as its one h1, above any smaller heading", async () => {
    for (const [template, props] of EXAMPLES) {
      const { html } = await renderEmail(template, props as never, context);
      expect(html.match(/<h1[\s>]/g), template.name).toHaveLength(1);
      expect(html.search(/<h1[\s>]/), template.name).toBeLessThan(html.search(/<h[2-6][\s>]|$/));
    }
  });

  it("never puts a meeting link in a webinar email, and only the joining-link email carries a personal link", async () => {
    for (const [template, props] of EXAMPLES.filter(([template]) => template.name.startsWith("webinar-"))) {
      const email = await renderEmail(template, props as never, context);
      expect(email.html, template.name).not.toMatch(/meet\.example|teams\.microsoft|zoom\.us/);
      expect(/\/j\//.test(email.html), template.name).toBe(template.name === "webinar-joining-link");
    }
  });

  it("tells people with a joining link when it works, not to share it and what to do if it goes missing", async () => {
    const email = await renderEmail(webinarJoiningLinkEmail, { ...webinar, token: "abcdefghijklmnopqrstuvwxyz234567", joinOpens: "12:30pm" }, context);
    expect(email.text).toContain("Wednesday 7 April 2027, 1pm to 2pm (UK time)");
    expect(email.text).toContain("from 12:30pm");
    expect(email.text).toMatch(/do not forward or share this link/i);
    expect(email.text).toContain("If this email goes missing");
    expect(email.text).toContain("network@spn.example.org");
  });

  it("leaves space between the button and the text after it", async () => {
    const email = await renderEmail(signInCodeEmail, { ...code, asked: "sign-in" }, context);
    expect(email.html).toMatch(/<p[^>]*margin:8px 0 24px[^>]*><a href="https:\/\/portal\.example\.org\/verify\//);
  });

  it("asks a declined joiner to email the team (replies go to an address nobody reads)", async () => {
    const email = await renderEmail(memberDeclinedEmail, { fullName: "Joy Adeyemi", reason: "No role given." }, context);
    expect(email.text).toContain("email network@spn.example.org");
    expect(email.text).not.toMatch(/reply/i);
  });

  it("takes staff straight to the joiners waiting for approval", async () => {
    const props = { fullName: "Hannah Price", organisation: "Meadowbank Wellbeing", domain: "meadowbank-wellbeing.org.uk" };
    const email = await renderEmail(joinerToReviewEmail, props, context);
    expect(email.html).toContain('href="https://portal.example.org/admin/members?status=pending"');
  });
});
