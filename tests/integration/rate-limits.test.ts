import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testClock } from "~/clock.server";
import type { Database } from "~/db.server";
import { joinNetwork } from "~/membership/join.server";
import { rateLimitMessage } from "~/auth/rate-limits.server";
import { allowEmailRequest } from "~/membership/rate-limits.server";
import { requestSignIn, resendCode } from "~/membership/sign-in.server";
import * as joinRoute from "~/routes/join._index";
import * as signInRoute from "~/routes/sign-in";
import * as verifyRoute from "~/routes/verify.$publicId";
import { clearDatabase, testDatabase } from "../support/database";
import { addMember, emailsTo, lastEmailTo, pageData, pageRequest, testContext } from "../support/fixtures";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(async () => {
  await clearDatabase(database);
  testClock.freeze("2026-04-01T09:00:00Z");
});
afterEach(() => testClock.reset());

const MINUTE = 60_000;

describe("rate limits on emailing codes", () => {
  it("allows 5 requests per address in 15 minutes, then says how long to wait", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await requestSignIn({ email: "busy@nhs.net", ip: `203.0.113.${i}` })).ok).toBe(true);
      testClock.advance(MINUTE);
    }
    const refused = await requestSignIn({ email: "busy@nhs.net", ip: "203.0.113.99" });
    expect(refused).toEqual({ ok: false, retryAfterMs: 10 * MINUTE });
    expect(rateLimitMessage(10 * MINUTE)).toBe("You have asked for too many emails in a short time. Try again in 10 minutes.");
    // Nothing was sent for the refused request.
    expect(await emailsTo(database, "busy@nhs.net")).toHaveLength(5);

    // Another address from the same place is unaffected.
    expect((await requestSignIn({ email: "other@nhs.net", ip: "203.0.113.1" })).ok).toBe(true);
    // The window slides: once the first request is 15 minutes old, one more is allowed.
    testClock.advance(10 * MINUTE);
    expect((await requestSignIn({ email: "busy@nhs.net", ip: "203.0.113.1" })).ok).toBe(true);
    expect((await requestSignIn({ email: "busy@nhs.net", ip: "203.0.113.1" })).ok).toBe(false);
  });

  it("counts joining, signing in and sending a new code against the same address", async () => {
    const joined = await joinNetwork(
      { fullName: "A", email: "mixed@nhs.net", organisation: "B", jobRole: "other", region: "london" },
      { ip: "203.0.113.1" },
    );
    if (!joined.ok) throw new Error("join refused");
    for (let i = 0; i < 3; i++) expect((await requestSignIn({ email: "mixed@nhs.net", ip: "203.0.113.1" })).ok).toBe(true);
    expect(await resendCode(joined.publicId, { ip: "203.0.113.1" })).toMatchObject({ ok: true });
    expect(await resendCode(joined.publicId, { ip: "203.0.113.1" })).toMatchObject({ ok: false });
    expect(
      await joinNetwork({ fullName: "A", email: "mixed@nhs.net", organisation: "B", jobRole: "other", region: "london" }, { ip: "203.0.113.1" }),
    ).toMatchObject({ ok: false, retryAfterMs: expect.any(Number) });
  });

  it("allows 20 requests per address a day", async () => {
    for (let i = 0; i < 20; i++) {
      expect((await allowEmailRequest({ address: "daily@nhs.net", ip: "203.0.113.1" })).allowed).toBe(true);
      testClock.advance(20 * MINUTE);
    }
    const refused = await allowEmailRequest({ address: "daily@nhs.net", ip: "203.0.113.1" });
    expect(refused).toEqual({ allowed: false, retryAfterMs: 24 * 60 * MINUTE - 20 * 20 * MINUTE });
    expect(rateLimitMessage(refused.allowed ? 0 : refused.retryAfterMs)).toContain("Try again in 18 hours");
  });

  it("allows 100 requests per client address in 15 minutes, whatever the email addresses", async () => {
    for (let i = 0; i < 100; i++) {
      expect((await allowEmailRequest({ address: `person${i}@nhs.net`, ip: "192.0.2.50" })).allowed).toBe(true);
    }
    expect(await allowEmailRequest({ address: "one-more@nhs.net", ip: "192.0.2.50" })).toEqual({
      allowed: false,
      retryAfterMs: 15 * MINUTE,
    });
    expect((await allowEmailRequest({ address: "one-more@nhs.net", ip: "192.0.2.51" })).allowed).toBe(true);
  });

  it("prunes hits older than the longest window", async () => {
    await allowEmailRequest({ address: "old@nhs.net", ip: "192.0.2.1" });
    testClock.advance(24 * 60 * MINUTE + 1);
    await allowEmailRequest({ address: "new@nhs.net", ip: "192.0.2.2" });
    const buckets = (await database.selectFrom("rate_limit_hits").select("bucket").execute()).map((row) => row.bucket);
    expect(buckets.sort()).toEqual(["email-request:address:new@nhs.net", "email-request:ip:192.0.2.2"]);
  });
});

describe("rate-limited forms answer 429 with the same page", () => {
  const call = (route: { action: (args: never) => Promise<unknown> }, path: string, form: Record<string, string>, ip = "192.0.2.80") =>
    route.action({ request: pageRequest(path, { form }), params: {}, context: { ...testContext, clientIp: ip } } as never);

  /** The status and the form's errors of an action's answer (a plain reply counts as 200). */
  function answer(result: unknown): { status: number; formErrors: string[] } {
    const init = (result as { init?: { status?: number } | null }).init;
    const reply = pageData<{ error?: Record<string, string[] | null> }>(result);
    return { status: init?.status ?? 200, formErrors: reply.error?.[""] ?? [] };
  }

  it("/sign-in", async () => {
    for (let i = 0; i < 5; i++) await requestSignIn({ email: "busy@nhs.net", ip: "192.0.2.1" });
    const refused = answer(await call(signInRoute, "/sign-in", { email: "busy@nhs.net" }));
    expect(refused.status).toBe(429);
    expect(refused.formErrors[0]).toMatch(/too many emails in a short time/);
  });

  it("/join", async () => {
    for (let i = 0; i < 5; i++) await requestSignIn({ email: "busy@nhs.net", ip: "192.0.2.1" });
    const form = { fullName: "A", email: "busy@nhs.net", organisation: "B", jobRole: "other", region: "london" };
    const refused = answer(await call(joinRoute, "/join", form));
    expect(refused.status).toBe(429);
    expect(refused.formErrors[0]).toMatch(/too many emails in a short time/);
  });
});

describe("a ceiling on code checks per client address", () => {
  it("checks 50 codes from one client address in 15 minutes, then refuses with 429 without checking", async () => {
    const publicIds: string[] = [];
    // Enough challenges that the per-challenge lockout (5 wrong codes) is not what stops the guessing.
    for (let i = 0; i < 12; i++) {
      const asked = await requestSignIn({ email: `guess${i}@nhs.net`, ip: `198.51.100.${i}` });
      if (!asked.ok) throw new Error("refused");
      publicIds.push(asked.publicId);
    }
    await addMember(database, "target@nhs.net");
    await requestSignIn({ email: "target@nhs.net", ip: "198.51.100.99" });
    const target = await lastEmailTo(database, "target@nhs.net");

    const submit = (publicId: string, code: string) =>
      verifyRoute.action({
        request: pageRequest(`/verify/${publicId}`, { form: { intent: "code", code } }),
        params: { publicId },
        context: { ...testContext, clientIp: "203.0.113.66" },
      } as never);
    for (let i = 0; i < 50; i++) {
      const result = (await submit(publicIds[Math.floor(i / 4)]!, "000000")) as { init?: { status?: number } };
      expect(result.init?.status).toBe(400);
    }
    const refused = (await submit(target!.publicId!, target!.code!)) as { init?: { status?: number }; data: { result: { error?: Record<string, string[]> } } };
    expect(refused.init?.status).toBe(429);
    expect(refused.data.result.error?.[""]?.[0]).toMatch(/too many codes in a short time\. Try again in 15 minutes/);
    // The refused check did not use up the right code: from another address (or later) it still works.
    const challenge = await database.selectFrom("email_challenges").selectAll().where("public_id", "=", target!.publicId!).executeTakeFirstOrThrow();
    expect(challenge.consumed_at).toBeNull();
    expect(challenge.failed_attempts).toBe(0);
    testClock.advance(15 * MINUTE);
    const later = (await submit(target!.publicId!, target!.code!)) as Response;
    expect(later.status).toBe(302);
  });
});
