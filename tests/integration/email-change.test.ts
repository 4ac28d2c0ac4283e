import { describe, expect, it } from "vitest";
import { listAudit } from "~/audit/audit.server";
import { describeChallenge } from "~/membership/challenges.server";
import { requestEmailChange } from "~/membership/email-change.server";
import { confirmEmailChallenge } from "~/membership/email-confirmation.server";
import { findUserById } from "~/auth/users.server";
import { createSession, validateSessionToken } from "~/auth/sessions.server";
import { requestSignIn } from "~/membership/sign-in.server";
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
