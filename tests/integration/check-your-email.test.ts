import { describe, expect, it } from "vitest";
import { findUserById } from "~/auth/users.server";
import { createSession } from "~/auth/sessions.server";
import { requestEmailChange } from "~/membership/email-change.server";
import type { JoinInput } from "~/membership/join-schema";
import { joinNetwork } from "~/membership/join.server";
import { requestSignIn } from "~/membership/sign-in.server";
import * as accountEmail from "~/routes/account_.email";
import * as signIn from "~/routes/sign-in";
import * as verify from "~/routes/verify.$publicId";
import { addMember, lastEmailTo, pageRequest, sessionCookieFor, setUpDatabaseTests } from "../support/fixtures";
import { renderPage } from "../support/render-page";

/**
 * The "check your email" page must describe the email that was sent, without saying which email it was
 * (that would tell a stranger whether an address is a member's).
 */
const { database, ip } = setUpDatabaseTests();

async function checkYourEmail(publicId: string) {
  return (await renderPage(verify, pageRequest(`/verify/${publicId}`), { path: "/verify/:publicId" })).text;
}

function joiner(email: string): JoinInput {
  return { fullName: "Alex Example", email, organisation: "Riverside PCN", jobRole: "link-worker", region: "london" };
}

describe("after asking to sign in", () => {
  it("a joiner waiting for approval is not told their email has a code, and a member sees the same page", async () => {
    await addMember(database, "waiting@ageuk.org.uk", { status: "pending" });
    await addMember(database, "member@nhs.net");
    const pending = await requestSignIn({ email: "waiting@ageuk.org.uk", ip });
    const active = await requestSignIn({ email: "member@nhs.net", ip });
    if (!pending.ok || !active.ok) throw new Error("refused");

    const sent = await lastEmailTo(database, "waiting@ageuk.org.uk");
    expect(sent?.template).toBe("awaiting-review");
    expect(sent?.code).toBeUndefined();
    expect(sent?.text).toContain("waiting for review");

    const page = await checkYourEmail(pending.publicId);
    expect(page).not.toContain("It has a link and a 6-digit code");
    expect(page).toContain("If you can sign in with this address, the email has a link and a 6-digit code");
    expect(page).toContain("If you cannot sign in yet, for example because your request to join is waiting for approval, the email says why");
    expect(page.replaceAll("waiting@ageuk.org.uk", "ADDRESS")).toBe((await checkYourEmail(active.publicId)).replaceAll("member@nhs.net", "ADDRESS"));
  });

  it("the sign-in page promises a code only to members", async () => {
    const page = await renderPage(signIn, pageRequest("/sign-in"));
    expect(page.text).toContain("If you are a member, we will email you a link and a code to sign in with.");
  });

  it("the sign-in email does not talk about joining when the member asked to sign in, and explains when they asked to join", async () => {
    await addMember(database, "member@nhs.net");
    await requestSignIn({ email: "member@nhs.net", ip });
    const signingIn = await lastEmailTo(database, "member@nhs.net");
    expect(signingIn?.text).toContain("asked to sign in to the Social Prescribing Network with this email address.");
    expect(signingIn?.text).not.toMatch(/join/i);

    await joinNetwork(joiner("member@nhs.net"), { ip });
    const joining = await lastEmailTo(database, "member@nhs.net");
    expect(joining?.template).toBe("sign-in-code");
    expect(joining?.text).toContain("asked to join the Social Prescribing Network with this email address. You are already a member");
  });

  it("a joiner waiting for approval who joins again is told so, not that they asked to sign in", async () => {
    await addMember(database, "waiting@ageuk.org.uk", { status: "pending" });
    await joinNetwork(joiner("waiting@ageuk.org.uk"), { ip });
    const sent = await lastEmailTo(database, "waiting@ageuk.org.uk");
    expect(sent?.template).toBe("awaiting-review");
    expect(sent?.text).toContain("asked to join with this email address");
    expect(sent?.text).not.toContain("asked to sign in");
  });
});

describe("after joining", () => {
  it("says what to expect whether the address is new or has asked to join before", async () => {
    await addMember(database, "waiting@ageuk.org.uk", { status: "pending" });
    const again = await joinNetwork(joiner("waiting@ageuk.org.uk"), { ip });
    const fresh = await joinNetwork(joiner("new@ageuk.org.uk"), { ip });
    if (!again.ok || !fresh.ok) throw new Error("refused");
    const page = await checkYourEmail(again.publicId);
    expect(page).toContain("If you can join with this address, the email has a link and a 6-digit code to confirm it");
    expect(page).toContain("If you have asked to join with this address before, the email says what to do next");
    expect(page.replaceAll("waiting@ageuk.org.uk", "ADDRESS")).toBe((await checkYourEmail(fresh.publicId)).replaceAll("new@ageuk.org.uk", "ADDRESS"));
  });
});

describe("after asking to change address", () => {
  it("to one another account uses: the page does not promise a code, and the email has none", async () => {
    const id = await addMember(database, "me@nhs.net");
    await addMember(database, "taken@nhs.net");
    const user = (await findUserById(id))!;
    const { session } = await createSession(id);
    const taken = await requestEmailChange({ user, sessionId: session.id }, "taken@nhs.net", { ip });
    const free = await requestEmailChange({ user, sessionId: session.id }, "free@nhs.net", { ip });
    if (!taken.ok || !free.ok) throw new Error("refused");

    const sent = await lastEmailTo(database, "taken@nhs.net");
    expect(sent?.template).toBe("email-already-member");
    expect(sent?.code).toBeUndefined();

    const page = await checkYourEmail(taken.publicId);
    expect(page).not.toContain("It has a link and a 6-digit code");
    expect(page).toContain("If no other account uses this address, the email has a link and a 6-digit code to confirm it");
    expect(page).toContain("If another account already uses it, the email says so, and your address stays as it is");
    expect(page.replaceAll("taken@nhs.net", "ADDRESS")).toBe((await checkYourEmail(free.publicId)).replaceAll("free@nhs.net", "ADDRESS"));

    const form = await renderPage(accountEmail, pageRequest("/account/email", { cookie: await sessionCookieFor(id) }));
    expect(form.text).toContain("If another account already uses it, we will email it a note instead.");
  });
});
