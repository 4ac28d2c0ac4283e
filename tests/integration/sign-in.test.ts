import { describe, expect, it } from "vitest";
import { testClock } from "~/clock.server";
import { getCurrentUser, safeRedirectPath } from "~/auth/access.server";
import { describeChallenge, MAX_CODE_ATTEMPTS } from "~/membership/challenges.server";
import { confirmEmailChallenge } from "~/membership/email-confirmation.server";
import { createSession, sessionCookieName, validateSessionToken } from "~/auth/sessions.server";
import { requestSignIn, resendCode, signOut } from "~/membership/sign-in.server";
import { grantRole } from "~/auth/roles.server";
import { addMember, emailsTo, lastEmailTo, setUpDatabaseTests } from "../support/fixtures";

const { database, ip } = setUpDatabaseTests();

async function signInCode(email: string, redirectTo?: string) {
  const result = await requestSignIn({ email, ip, redirectTo });
  if (!result.ok) throw new Error("rate limited");
  const mail = await lastEmailTo(database, email.trim().toLowerCase());
  return { publicId: result.publicId, code: mail!.code!, token: mail!.token! };
}

function requestWithCookie(token: string): Request {
  return new Request("http://localhost/", { headers: { cookie: `${sessionCookieName()}=${token}` } });
}

/** A code that is not the right one (any other 6 digits). */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("passwordless sign-in", () => {
  it("emails a member a code that signs them in once, to where they were going", async () => {
    const userId = await addMember(database, "member@nhs.net");
    const { publicId, code } = await signInCode(" Member@NHS.net", "/webinars?month=may");
    expect((await lastEmailTo(database, "member@nhs.net"))?.template).toBe("sign-in-code");

    const result = await confirmEmailChallenge(publicId, { code }, { ip: "192.0.2.10" });
    expect(result).toMatchObject({ outcome: "signed-in", destination: "/webinars?month=may" });
    const token = result.outcome === "signed-in" ? result.sessionToken : "";
    expect((await getCurrentUser(requestWithCookie(token)))?.user.id).toBe(userId);
  });

  it("takes an admin to the staff tools when they were not going anywhere in particular, and members to their account", async () => {
    await addMember(database, "member@nhs.net");
    const adminId = await addMember(database, "admin@nhs.net");
    await grantRole(adminId, "admin");
    const asAdmin = await signInCode("admin@nhs.net");
    expect(await confirmEmailChallenge(asAdmin.publicId, { code: asAdmin.code }, { ip })).toMatchObject({ destination: "/admin/members" });
    const asMember = await signInCode("member@nhs.net");
    expect(await confirmEmailChallenge(asMember.publicId, { code: asMember.code }, { ip })).toMatchObject({ destination: "/account" });
    // Where an admin was going still wins.
    const going = await signInCode("admin@nhs.net", "/account/profile");
    expect(await confirmEmailChallenge(going.publicId, { code: going.code }, { ip })).toMatchObject({ destination: "/account/profile" });
  });

  it("answers a member and a stranger alike: same result, same page, and only the member gets a code", async () => {
    await addMember(database, "member@nhs.net");
    const forMember = await requestSignIn({ email: "member@nhs.net", ip });
    const forStranger = await requestSignIn({ email: "stranger@nhs.net", ip });
    expect(Object.keys(forMember).sort()).toEqual(Object.keys(forStranger).sort());
    if (!forMember.ok || !forStranger.ok) throw new Error("expected both to succeed");

    const memberPage = await describeChallenge(database, forMember.publicId, null);
    const strangerPage = await describeChallenge(database, forStranger.publicId, null);
    expect({ ...memberPage, email: "" }).toEqual({ ...strangerPage, email: "" });

    expect((await lastEmailTo(database, "member@nhs.net"))?.code).toMatch(/^\d{6}$/);
    const toStranger = await lastEmailTo(database, "stranger@nhs.net");
    expect(toStranger?.template).toBe("no-account");
    expect(toStranger?.code).toBeUndefined();
  });

  it("tells a pending joiner by email that they are awaiting review, and gives no session", async () => {
    await addMember(database, "waiting@ageuk.org.uk", { status: "pending" });
    const result = await requestSignIn({ email: "waiting@ageuk.org.uk", ip });
    expect(result.ok).toBe(true);
    const mail = await lastEmailTo(database, "waiting@ageuk.org.uk");
    expect(mail?.template).toBe("awaiting-review");
    expect(mail?.code).toBeUndefined();
  });

  it("refuses a code that has been used already", async () => {
    await addMember(database, "member@nhs.net");
    const { publicId, code, token } = await signInCode("member@nhs.net");
    expect((await confirmEmailChallenge(publicId, { code }, { ip: "192.0.2.10" })).outcome).toBe("signed-in");
    expect(await confirmEmailChallenge(publicId, { code }, { ip: "192.0.2.10" })).toMatchObject({ outcome: "failed", problem: "used" });
    expect(await confirmEmailChallenge(publicId, { token }, { ip: "192.0.2.10" })).toMatchObject({ outcome: "failed", problem: "used" });
    expect(await database.selectFrom("sessions").selectAll().execute()).toHaveLength(1);
  });

  it(`kills a challenge after ${MAX_CODE_ATTEMPTS} wrong codes, even for the right code after that`, async () => {
    await addMember(database, "member@nhs.net");
    const { publicId, code } = await signInCode("member@nhs.net");
    for (let attempt = 1; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      expect(await confirmEmailChallenge(publicId, { code: wrong(code) }, { ip: "192.0.2.10" })).toEqual({
        outcome: "failed",
        problem: "wrong-code",
        attemptsLeft: MAX_CODE_ATTEMPTS - attempt,
      });
    }
    expect(await confirmEmailChallenge(publicId, { code: wrong(code) }, { ip: "192.0.2.10" })).toMatchObject({ outcome: "failed", problem: "locked" });
    expect(await confirmEmailChallenge(publicId, { code }, { ip: "192.0.2.10" })).toMatchObject({ outcome: "failed", problem: "locked" });
    expect((await describeChallenge(database, publicId, null))?.problem).toBe("locked");
    expect(await database.selectFrom("sessions").selectAll().execute()).toEqual([]);
  });

  it("refuses an expired code (30 minutes)", async () => {
    testClock.freeze("2026-03-02T10:00:00Z");
    await addMember(database, "member@nhs.net");
    const { publicId, code } = await signInCode("member@nhs.net");
    testClock.freeze("2026-03-02T10:29:59Z");
    expect((await describeChallenge(database, publicId, null))?.problem).toBeNull();
    testClock.freeze("2026-03-02T10:30:00Z");
    expect(await confirmEmailChallenge(publicId, { code }, { ip: "192.0.2.10" })).toMatchObject({ outcome: "failed", problem: "expired" });
  });

  it("opening the link any number of times (as mail scanners do) leaves it usable", async () => {
    await addMember(database, "member@nhs.net");
    const { publicId, token } = await signInCode("member@nhs.net");
    for (let i = 0; i < 5; i++) {
      expect(await describeChallenge(database, publicId, token)).toMatchObject({ problem: null, purpose: "sign-in" });
    }
    expect((await confirmEmailChallenge(publicId, { token }, { ip: "192.0.2.10" })).outcome).toBe("signed-in");
  });

  it("does not accept a damaged link, and does not count it as a wrong code", async () => {
    await addMember(database, "member@nhs.net");
    const { publicId, token, code } = await signInCode("member@nhs.net");
    expect((await describeChallenge(database, publicId, `${token}x`))?.problem).toBe("bad-link");
    expect(await confirmEmailChallenge(publicId, { token: token.slice(0, -1) }, { ip: "192.0.2.10" })).toMatchObject({ problem: "bad-link" });
    expect((await confirmEmailChallenge(publicId, { code }, { ip: "192.0.2.10" })).outcome).toBe("signed-in");
  });

  it("signs nobody in with a stranger's stand-in challenge", async () => {
    const result = await requestSignIn({ email: "stranger@nhs.net", ip });
    if (!result.ok) throw new Error("rate limited");
    const outcomes = new Set<string>();
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) {
      outcomes.add((await confirmEmailChallenge(result.publicId, { code: String(i).padStart(6, "0") }, { ip: "192.0.2.10" })).outcome);
    }
    expect(outcomes).toEqual(new Set(["failed"]));
    expect(await database.selectFrom("sessions").selectAll().execute()).toEqual([]);
  });

  it("sends a new code for the same address when asked from the check-your-email page", async () => {
    await addMember(database, "member@nhs.net");
    const first = await signInCode("member@nhs.net", "/recordings");
    const resent = await resendCode(first.publicId, { ip });
    if (!resent || resent.ok !== true) throw new Error("expected a new code");
    expect(resent.publicId).not.toBe(first.publicId);
    const mail = await lastEmailTo(database, "member@nhs.net");
    expect(mail?.publicId).toBe(resent.publicId);
    expect(await confirmEmailChallenge(resent.publicId, { code: mail!.code! }, { ip: "192.0.2.10" })).toMatchObject({ destination: "/recordings" });
  });
});

describe("sessions", () => {
  it("refuses a cookie with another member's session id but a wrong secret", async () => {
    const userId = await addMember(database, "member@nhs.net");
    const { token } = await createSession(userId);
    const [id, secret] = token.split(".") as [string, string];
    const forged = `${id}.${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    expect(await getCurrentUser(requestWithCookie(forged))).toBeNull();
    expect(await getCurrentUser(requestWithCookie(`${id}.`))).toBeNull();
    expect(await getCurrentUser(requestWithCookie(`${id}.${secret}.extra`))).toBeNull();
    expect((await getCurrentUser(requestWithCookie(token)))?.user.id).toBe(userId);
  });

  it("signing out deletes the session on the server, so the old cookie no longer works", async () => {
    const userId = await addMember(database, "member@nhs.net");
    const { token } = await createSession(userId);
    const other = await createSession(userId);
    await signOut(requestWithCookie(token));
    expect(await validateSessionToken(token)).toBeNull();
    expect(await getCurrentUser(requestWithCookie(token))).toBeNull();
    // Only that device: the member's other session is untouched.
    expect(await validateSessionToken(other.token)).not.toBeNull();
  });

  it("signing out with a forged cookie ends nobody's session", async () => {
    const userId = await addMember(database, "member@nhs.net");
    const { token } = await createSession(userId);
    const [id] = token.split(".");
    await signOut(requestWithCookie(`${id}.forgedsecret`));
    expect(await validateSessionToken(token)).not.toBeNull();
  });
});

describe("safeRedirectPath", () => {
  it.each([
    ["/webinars?month=may#next", "/webinars?month=may#next"],
    ["//evil.example", "/account"],
    ["/\\evil.example", "/account"],
    ["/\t/evil.example", "/account"],
    ["/\n/evil.example", "/account"],
    ["https://evil.example/", "/account"],
    ["javascript:alert(1)", "/account"],
    ["/.//evil.example", "/account"],
    ["/..//evil.example", "/account"],
    ["/a/..//evil.example", "/account"],
    ["/%2e//evil.example", "/account"],
    ["/a/../webinars", "/webinars"],
    [undefined, "/account"],
  ])("%j → %s", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });
});

describe("emails for strangers", () => {
  it("sends a stranger a note on how to join, with no code", async () => {
    await requestSignIn({ email: "stranger@nhs.net", ip });
    expect(await emailsTo(database, "stranger@nhs.net")).toEqual([
      { template: "no-account", subject: "Signing in to the Social Prescribing Network" },
    ]);
  });
});
