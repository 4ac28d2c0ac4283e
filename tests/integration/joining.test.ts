import { describe, expect, it } from "vitest";
import { testClock } from "~/clock.server";
import { listAudit } from "~/audit/audit.server";
import { describeChallenge } from "~/membership/challenges.server";
import { confirmEmailChallenge } from "~/membership/email-confirmation.server";
import type { JoinInput } from "~/membership/join-schema";
import { joinNetwork } from "~/membership/join.server";
import { resendCode } from "~/membership/sign-in.server";
import { grantRole } from "~/auth/roles.server";
import { validateSessionToken } from "~/auth/sessions.server";
import { addMember, emailsTo, lastEmailTo, setUpDatabaseTests } from "../support/fixtures";

const { database, ip } = setUpDatabaseTests();

function joiner(email: string, overrides: Partial<JoinInput> = {}): JoinInput {
  return {
    fullName: "Alex Example",
    email,
    organisation: "Riverside PCN",
    jobRole: "link-worker",
    region: "north-west",
    icbPcn: "Riverside PCN",
    workspaceInterests: ["london", "green-social-prescribing"],
    bulletin: true,
    events: false,
    ...overrides,
  };
}

async function userByEmail(email: string) {
  return database.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

describe("joining", () => {
  it("records an unverified member with their details and emails a link and a 6-digit code", async () => {
    const result = await joinNetwork(joiner("  Alex.Example@NHS.net "), { ip });
    expect(result.ok).toBe(true);
    const user = await userByEmail("alex.example@nhs.net");
    expect(user).toMatchObject({
      status: "unverified",
      full_name: "Alex Example",
      job_role: "link-worker",
      region: "north-west",
      icb_pcn: "Riverside PCN",
      workspace_interests_json: JSON.stringify(["london", "green-social-prescribing"]),
      bulletin_opt_in: 1,
      events_opt_in: 0,
      email_verified_at: null,
    });
    const mail = await lastEmailTo(database, "alex.example@nhs.net");
    expect(mail?.template).toBe("join-verification");
    expect(mail?.code).toMatch(/^\d{6}$/);
    expect(result.ok && mail?.publicId).toBe(result.ok && result.publicId);

    const challenge = await database.selectFrom("email_challenges").selectAll().executeTakeFirstOrThrow();
    // Only hashes are stored, never the code or the link's token.
    expect(challenge.code_hash).not.toContain(mail!.code!);
    expect(challenge.token_hash).not.toContain(mail!.token!);
    expect(challenge.purpose).toBe("verify-email");
    expect(new Date(challenge.expires_at).getTime() - new Date(challenge.created_at).getTime()).toBe(30 * 60_000);
  });

  it("refuses a personal address with the reason by the field, and records nothing", async () => {
    const result = await joinNetwork(joiner("alex@gmail.com"), { ip });
    expect(result).toMatchObject({ ok: false, emailError: expect.stringContaining("personal email address") });
    expect(await userByEmail("alex@gmail.com")).toBeUndefined();
    expect(await emailsTo(database, "alex@gmail.com")).toEqual([]);
  });

  it("makes a trusted joiner an active member, signed in, once they confirm", async () => {
    await joinNetwork(joiner("alex@somehospital.nhs.uk"), { ip });
    const mail = await lastEmailTo(database, "alex@somehospital.nhs.uk");
    const result = await confirmEmailChallenge(mail!.publicId!, { code: mail!.code! }, { ip: "192.0.2.10" });
    expect(result).toMatchObject({ outcome: "signed-in", destination: "/welcome" });
    const user = await userByEmail("alex@somehospital.nhs.uk");
    expect(user?.status).toBe("active");
    expect(user?.email_verified_at).not.toBeNull();
    const session = await validateSessionToken(result.outcome === "signed-in" ? result.sessionToken : "");
    expect(session?.user_id).toBe(user?.id);
    // The audit log says they joined and how it ended, by id only: no name or address.
    const { entries } = await listAudit({ aboutUserId: user!.id });
    expect(entries).toMatchObject([{ action: "member.joined", actorUserId: user?.id }]);
    expect(entries[0]?.details).toEqual({ status: "active" });
    // Admitted at once, so welcomed by email too.
    const welcome = await lastEmailTo(database, "alex@somehospital.nhs.uk");
    expect(welcome).toMatchObject({ template: "member-welcome", subject: "Welcome to the Social Prescribing Network" });
    expect(welcome?.text).toContain("Dear Alex Example");
  });

  it("leaves a joiner from another organisation pending, without a session, and tells them and each admin", async () => {
    const adminId = await addMember(database, "admin@nhs.net");
    await grantRole(adminId, "admin");
    await addMember(database, "not-admin@nhs.net");

    await joinNetwork(joiner("alex@ageuk.org.uk", { organisation: "Age UK Riverside" }), { ip });
    const mail = await lastEmailTo(database, "alex@ageuk.org.uk");
    const result = await confirmEmailChallenge(mail!.publicId!, { token: mail!.token! }, { ip: "192.0.2.10" });
    expect(result).toEqual({ outcome: "pending" });
    const joined = await userByEmail("alex@ageuk.org.uk");
    expect(joined?.status).toBe("pending");
    expect(await database.selectFrom("sessions").selectAll().execute()).toEqual([]);
    const { entries } = await listAudit({ aboutUserId: joined!.id });
    expect(entries).toMatchObject([{ action: "member.joined", actorUserId: joined?.id }]);
    expect(entries[0]?.details).toEqual({ status: "pending" });

    const toJoiner = await lastEmailTo(database, "alex@ageuk.org.uk");
    expect(toJoiner?.template).toBe("join-request-received");
    expect((await emailsTo(database, "alex@ageuk.org.uk")).map((mail) => mail.template)).not.toContain("member-welcome");
    expect(toJoiner?.text).toContain("will check your request before you can sign in");

    const toAdmin = await lastEmailTo(database, "admin@nhs.net");
    expect(toAdmin?.template).toBe("joiner-to-review");
    expect(toAdmin?.text).toContain("Alex Example from Age UK Riverside");
    expect(await emailsTo(database, "not-admin@nhs.net")).toEqual([]);
  });

  it("checks the domain again on confirming, in case staff refused it meanwhile", async () => {
    await joinNetwork(joiner("alex@newpartner.org.uk"), { ip });
    await database
      .insertInto("domain_overrides")
      .values({ domain: "newpartner.org.uk", policy: "refuse", note: null, created_at: new Date().toISOString(), created_by: null })
      .execute();
    const mail = await lastEmailTo(database, "alex@newpartner.org.uk");
    const result = await confirmEmailChallenge(mail!.publicId!, { code: mail!.code! }, { ip: "192.0.2.10" });
    expect(result).toMatchObject({ outcome: "refused" });
    expect((await userByEmail("alex@newpartner.org.uk"))?.status).toBe("unverified");
    expect((await listAudit()).entries).toEqual([]);
  });

  it("does not make a second account for a member: it sends a sign-in code instead, and answers the same", async () => {
    await addMember(database, "member@nhs.net", { full_name: "Original Name" });
    const forMember = await joinNetwork(joiner("Member@nhs.net", { fullName: "Someone Else" }), { ip });
    const forNewcomer = await joinNetwork(joiner("newcomer@nhs.net"), { ip });

    expect(Object.keys(forMember).sort()).toEqual(Object.keys(forNewcomer).sort());
    if (!forMember.ok || !forNewcomer.ok) throw new Error("expected both to succeed");
    // The check-your-email pages differ only in the address shown.
    const memberPage = await describeChallenge(database, forMember.publicId, null);
    const newcomerPage = await describeChallenge(database, forNewcomer.publicId, null);
    expect({ ...memberPage, email: "" }).toEqual({ ...newcomerPage, email: "" });
    const members = await database.selectFrom("users").selectAll().where("email", "=", "member@nhs.net").execute();
    expect(members).toHaveLength(1);
    expect(members[0]?.full_name).toBe("Original Name");
    expect((await lastEmailTo(database, "member@nhs.net"))?.template).toBe("sign-in-code");
  });

  it("a second join with the same unconfirmed address keeps the first joiner's details until a link is confirmed", async () => {
    await joinNetwork(joiner("again@nhs.net", { region: "london", fullName: "Alex Example" }), { ip });
    const first = await lastEmailTo(database, "again@nhs.net");
    await joinNetwork(joiner("again@nhs.net", { region: "midlands", fullName: "Mallory Other", organisation: "Elsewhere", bulletin: false }), { ip });
    const second = await lastEmailTo(database, "again@nhs.net");

    expect(second?.template).toBe("join-verification");
    expect(second?.publicId).not.toBe(first?.publicId);
    // Each email greets the details it would confirm.
    expect(first?.text).toContain("Dear Alex Example");
    expect(second?.text).toContain("Dear Mallory Other");
    const users = await database.selectFrom("users").selectAll().where("email", "=", "again@nhs.net").execute();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ region: "london", full_name: "Alex Example", organisation: "Riverside PCN", status: "unverified" });

    // The owner of the address confirms the first request: its details stand, and the second's link no longer changes them.
    expect(await confirmEmailChallenge(first!.publicId!, { code: first!.code! }, { ip })).toMatchObject({ outcome: "signed-in" });
    expect(await userByEmail("again@nhs.net")).toMatchObject({ full_name: "Alex Example", region: "london", bulletin_opt_in: 1, status: "active" });
    await confirmEmailChallenge(second!.publicId!, { code: second!.code! }, { ip });
    expect(await userByEmail("again@nhs.net")).toMatchObject({ full_name: "Alex Example", region: "london", organisation: "Riverside PCN" });
  });

  it("the confirmed link decides whose details stand: confirming a later request uses its details", async () => {
    await joinNetwork(joiner("again@nhs.net", { region: "london", fullName: "Alex Tpyo" }), { ip });
    await joinNetwork(joiner("again@nhs.net", { region: "midlands", fullName: "Alex Corrected", events: true }), { ip });
    const second = await lastEmailTo(database, "again@nhs.net");
    expect(await confirmEmailChallenge(second!.publicId!, { token: second!.token! }, { ip })).toMatchObject({ outcome: "signed-in" });
    expect(await userByEmail("again@nhs.net")).toMatchObject({ full_name: "Alex Corrected", region: "midlands", events_opt_in: 1, status: "active" });
  });

  it("a new code sent from the check-your-email page carries the same details as the code it replaces", async () => {
    await joinNetwork(joiner("again@nhs.net", { fullName: "Mallory Other", region: "london" }), { ip });
    const second = await joinNetwork(joiner("again@nhs.net", { fullName: "Alex Example", region: "midlands" }), { ip });
    if (!second.ok) throw new Error("refused");
    const resent = await resendCode(second.publicId, { ip });
    if (!resent || resent.ok !== true) throw new Error("not resent");
    const mail = await lastEmailTo(database, "again@nhs.net");
    expect(mail?.text).toContain("Dear Alex Example");
    await confirmEmailChallenge(resent.publicId, { code: mail!.code! }, { ip });
    expect(await userByEmail("again@nhs.net")).toMatchObject({ full_name: "Alex Example", region: "midlands", status: "active" });
  });

  it("tells a pending joiner who joins again that they are waiting for review", async () => {
    await addMember(database, "waiting@ageuk.org.uk", { status: "pending" });
    await joinNetwork(joiner("waiting@ageuk.org.uk"), { ip });
    expect((await lastEmailTo(database, "waiting@ageuk.org.uk"))?.template).toBe("awaiting-review");
  });

  it("deletes joiners who never confirmed after 30 days", async () => {
    testClock.freeze("2026-01-01T09:00:00Z");
    await joinNetwork(joiner("forgot@nhs.net"), { ip });
    testClock.freeze("2026-01-31T08:00:00Z");
    await joinNetwork(joiner("recent@nhs.net"), { ip });
    expect(await userByEmail("forgot@nhs.net")).toBeDefined();
    testClock.freeze("2026-01-31T10:00:00Z");
    await joinNetwork(joiner("later@nhs.net"), { ip });
    expect(await userByEmail("forgot@nhs.net")).toBeUndefined();
    expect(await userByEmail("recent@nhs.net")).toBeDefined();
  });
});
