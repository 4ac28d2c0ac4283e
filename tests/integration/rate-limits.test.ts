import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testClock } from "~/clock.server";
import type { Database } from "~/db.server";
import { joinNetwork } from "~/membership/join.server";
import { rateLimitMessage } from "~/auth/rate-limits.server";
import { allowEmailRequest } from "~/membership/rate-limits.server";
import { requestSignIn, resendCode } from "~/membership/sign-in.server";
import { clearDatabase, testDatabase } from "../support/database";
import { emailsTo } from "../support/fixtures";

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
