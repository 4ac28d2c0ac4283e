import { describe, expect, it } from "vitest";
import type { User } from "#db/schema";
import { listAudit } from "~/audit/audit.server";
import { describeChallenge } from "~/membership/challenges.server";
import { requestEmailChange } from "~/membership/email-change.server";
import { confirmEmailChallenge } from "~/membership/email-confirmation.server";
import { findUserById } from "~/auth/users.server";
import { createSession, validateSessionToken } from "~/auth/sessions.server";
import type { JoinInput } from "~/membership/join-schema";
import { joinNetwork } from "~/membership/join.server";
import { requestSignIn } from "~/membership/sign-in.server";
import { exportMemberData, type MemberDataExport } from "~/privacy/export.server";
import { leaveNetwork } from "~/privacy/leave.server";
import { addMember, emailsTo, lastEmailTo, setUpDatabaseTests } from "../support/fixtures";

const { database, ip } = setUpDatabaseTests();

async function member(email = "old@nhs.net") {
  const id = await addMember(database, email);
  const user = (await findUserById(id))!;
  const current = await createSession(id);
  const other = await createSession(id);
  return { user, current, other };
}

describe("changing email address", () => {
  it("confirms the new address by code, tells the old one, and signs out every other device", async () => {
    const { user, current, other } = await member();
    const oldSignIn = await requestSignIn({ email: "old@nhs.net", ip });
    const result = await requestEmailChange({ user, sessionId: current.session.id }, " New@Somehospital.NHS.uk", { ip });
    if (!result.ok) throw new Error("refused");

    const mail = await lastEmailTo(database, "new@somehospital.nhs.uk");
    expect(mail?.template).toBe("confirm-new-email");
    // Nothing changes until the new address is confirmed.
    expect((await findUserById(user.id))?.email).toBe("old@nhs.net");

    expect(await confirmEmailChallenge(result.publicId, { code: mail!.code! }, { ip: "192.0.2.10" })).toEqual({ outcome: "email-changed" });
    expect((await findUserById(user.id))?.email).toBe("new@somehospital.nhs.uk");
    // The audit log records the change by the member, without either address.
    const { entries } = await listAudit({ aboutUserId: user.id });
    expect(entries).toMatchObject([{ action: "member.email-changed", actorUserId: user.id }]);
    expect(entries[0]?.details).toEqual({});
    const toOld = await lastEmailTo(database, "old@nhs.net");
    expect(toOld?.template).toBe("email-changed");
    expect(toOld?.text).toContain("new@somehospital.nhs.uk");
    expect(toOld?.text).toContain("network@spn.example.org");

    expect(await validateSessionToken(current.token)).not.toBeNull();
    expect(await validateSessionToken(other.token)).toBeNull();
    // A sign-in code sent to the old address no longer works.
    if (!oldSignIn.ok) throw new Error("rate limited");
    expect((await describeChallenge(database, oldSignIn.publicId, null))?.problem).toBe("used");
  });

  it("refuses a personal address, and the address already in use", async () => {
    const { user, current } = await member();
    expect(await requestEmailChange({ user, sessionId: current.session.id }, "me@hotmail.co.uk", { ip })).toMatchObject({
      ok: false,
      emailError: expect.stringContaining("personal email address"),
    });
    expect(await requestEmailChange({ user, sessionId: current.session.id }, "OLD@nhs.net", { ip })).toMatchObject({
      ok: false,
      emailError: "This is already your email address. Enter a different one",
    });
  });

  it("refuses an address that joining with would need staff review, saying what to do, unless it is at the member's own organisation", async () => {
    const { user, current } = await member();
    expect(await requestEmailChange({ user, sessionId: current.session.id }, "sam@riverside-charity.org.uk", { ip })).toEqual({
      ok: false,
      emailError: expect.stringMatching(/organisation we do not know yet.*nhs\.net.*network@spn\.example\.org/),
    });
    expect(await emailsTo(database, "sam@riverside-charity.org.uk")).toEqual([]);

    // Staff accepted this member from their charity, so another address there needs no new check.
    const charity = await member("sam@riverside-charity.org.uk");
    const sameOrganisation = await requestEmailChange({ user: charity.user, sessionId: charity.current.session.id }, "sam.new@riverside-charity.org.uk", { ip });
    expect(sameOrganisation.ok).toBe(true);
  });

  it("checks the domain again on confirming, in case staff changed its rule meanwhile", async () => {
    const { user, current } = await member();
    await database.insertInto("domain_overrides").values({ domain: "partner.org.uk", policy: "allow", created_at: new Date().toISOString() }).execute();
    const result = await requestEmailChange({ user, sessionId: current.session.id }, "sam@partner.org.uk", { ip });
    if (!result.ok) throw new Error("refused");
    await database.deleteFrom("domain_overrides").execute();
    const mail = await lastEmailTo(database, "sam@partner.org.uk");
    expect(await confirmEmailChallenge(result.publicId, { code: mail!.code! }, { ip })).toEqual({
      outcome: "refused",
      message: expect.stringContaining("organisation we do not know yet"),
    });
    expect((await findUserById(user.id))?.email).toBe("old@nhs.net");
  });

  it("does not reveal that the new address belongs to another member, and sends it no code", async () => {
    const { user, current } = await member();
    await addMember(database, "taken@nhs.net");
    const taken = await requestEmailChange({ user, sessionId: current.session.id }, "taken@nhs.net", { ip });
    const free = await requestEmailChange({ user, sessionId: current.session.id }, "free@nhs.net", { ip });
    expect(taken.ok && free.ok).toBe(true);
    if (!taken.ok || !free.ok) return;
    expect({ ...(await describeChallenge(database, taken.publicId, null)), email: "" }).toEqual({
      ...(await describeChallenge(database, free.publicId, null)),
      email: "",
    });
    expect(await emailsTo(database, "taken@nhs.net")).toEqual([
      { template: "email-already-member", subject: "This email address already has a Social Prescribing Network account" },
    ]);
    expect((await lastEmailTo(database, "taken@nhs.net"))?.code).toBeUndefined();
    expect((await findUserById(user.id))?.email).toBe("old@nhs.net");
  });

  it("refuses to confirm if another member took the address in the meantime", async () => {
    const { user, current } = await member();
    const result = await requestEmailChange({ user, sessionId: current.session.id }, "race@nhs.net", { ip });
    if (!result.ok) throw new Error("refused");
    const mail = await lastEmailTo(database, "race@nhs.net");
    await addMember(database, "race@nhs.net");
    expect(await confirmEmailChallenge(result.publicId, { token: mail!.token! }, { ip: "192.0.2.10" })).toMatchObject({ outcome: "refused" });
    expect((await findUserById(user.id))?.email).toBe("old@nhs.net");
    expect((await listAudit()).entries).toEqual([]);
  });
});

describe("a member's emails and codes after a change of address", () => {
  const joiner = (fullName: string, email: string): JoinInput => ({
    fullName,
    email,
    organisation: "Riverside PCN",
    jobRole: "link-worker",
    region: "north-west",
    icbPcn: "Riverside PCN",
    workspaceInterests: [],
    bulletin: false,
    events: false,
  });

  async function joinAndConfirm(fullName: string, email: string) {
    const joined = await joinNetwork(joiner(fullName, email), { ip });
    if (!joined.ok) throw new Error("refused");
    const mail = await lastEmailTo(database, email);
    expect(await confirmEmailChallenge(joined.publicId, { code: mail!.code! }, { ip })).toMatchObject({ outcome: "signed-in" });
    return (await database.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow());
  }

  async function changeAddress(user: User, newEmail: string) {
    const { session } = await createSession(user.id);
    const result = await requestEmailChange({ user, sessionId: session.id }, newEmail, { ip });
    if (!result.ok) throw new Error("refused");
    const mail = await lastEmailTo(database, newEmail);
    expect(await confirmEmailChallenge(result.publicId, { code: mail!.code! }, { ip })).toEqual({ outcome: "email-changed" });
  }

  const subjects = (data: MemberDataExport) => (data.emailsSent as Array<{ subject: string }>).map((email) => email.subject);
  const codes = (data: MemberDataExport) => (data.emailCodes as Array<{ purpose: string; sentTo: string }>).map((code) => `${code.purpose} ${code.sentTo}`);

  it("stay the member's, in the download and when they leave, and never pass to the old address's next owner", async () => {
    // Someone asks to sign in with the address before it is anyone's: a stand-in and a "no account" note.
    await requestSignIn({ email: "first@nhs.net", ip });
    const alex = await joinAndConfirm("Alex Example", "first@nhs.net");
    await requestSignIn({ email: "first@nhs.net", ip });
    await changeAddress(alex, "second@nhs.net");

    const alexData = await exportMemberData(alex.id);
    expect(subjects(alexData)).toEqual([
      "Signing in to the Social Prescribing Network",
      "Confirm your email address to join the Social Prescribing Network",
      "Welcome to the Social Prescribing Network",
      "Sign in to the Social Prescribing Network",
      "Confirm your new email address for the Social Prescribing Network",
      "Your Social Prescribing Network email address has changed",
    ]);
    // The stand-in for the old address went with the change; every real code is tied to Alex.
    expect(codes(alexData)).toEqual(["verify-email first@nhs.net", "sign-in first@nhs.net", "change-email second@nhs.net"]);

    // A different person joins with the freed address: nothing of Alex's is theirs.
    const robin = await joinAndConfirm("Robin Newcomer", "first@nhs.net");
    const robinData = await exportMemberData(robin.id);
    expect(subjects(robinData)).toEqual(["Confirm your email address to join the Social Prescribing Network", "Welcome to the Social Prescribing Network"]);
    expect(codes(robinData)).toEqual(["verify-email first@nhs.net"]);
    expect(JSON.stringify(robinData)).not.toMatch(/Alex|second@nhs\.net/);

    await leaveNetwork(alex.id);
    // Only the confirmation of leaving still names Alex, and it is not Robin's.
    const naming = await database.selectFrom("outbox").select("template").where((eb) => eb.or([eb("text", "like", "%Alex%"), eb("text", "like", "%second@nhs.net%")])).execute();
    expect(naming).toEqual([{ template: "member-left" }]);
    expect(await database.selectFrom("email_challenges").select("user_id").execute()).toEqual([{ user_id: robin.id }]);
    expect({ ...(await exportMemberData(robin.id)), exportedAt: "" }).toEqual({ ...robinData, exportedAt: "" });
  });

  it("leave out the codes someone else asked for to the member's address", async () => {
    const owner = await findUserById(await addMember(database, "owner@nhs.net"));
    const { user, current } = await member();
    await requestEmailChange({ user, sessionId: current.session.id }, "owner@nhs.net", { ip });
    expect((await exportMemberData(owner!.id)).emailCodes).toEqual([]);
    expect(codes(await exportMemberData(user.id))).toEqual(["change-email owner@nhs.net"]);
  });
});
