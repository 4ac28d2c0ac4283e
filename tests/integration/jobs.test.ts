import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testClock } from "~/clock.server";
import type { Database } from "~/db.server";
import { runDueJobs, scheduleJob } from "~/jobs/jobs.server";
import { clearDatabase, testDatabase } from "../support/database";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(async () => {
  await clearDatabase(database);
  testClock.reset();
  testClock.freeze("2026-12-02T09:00:00Z");
});

describe("durable jobs", () => {
  it("runs a job when it falls due, not before, and only once", async () => {
    const seen: unknown[] = [];
    const handlers = { "say-hello": async (payload: unknown) => void seen.push(payload) };
    await scheduleJob(database, { kind: "say-hello", payload: { name: "Asha" }, runAt: new Date("2026-12-02T10:00:00Z") });

    expect(await runDueJobs(database, handlers)).toMatchObject({ done: 0 });
    testClock.freeze("2026-12-02T10:00:00Z");
    expect(await runDueJobs(database, handlers)).toMatchObject({ done: 1 });
    expect(await runDueJobs(database, handlers)).toMatchObject({ done: 0 });
    expect(seen).toEqual([{ name: "Asha" }]);
  });

  it("schedules idempotently by unique key", async () => {
    const runAt = new Date("2026-12-02T08:00:00Z");
    await scheduleJob(database, { kind: "k", runAt, uniqueKey: "webinar:1:links" });
    await scheduleJob(database, { kind: "k", runAt, uniqueKey: "webinar:1:links" });
    const jobs = await database.selectFrom("jobs").selectAll().execute();
    expect(jobs).toHaveLength(1);
  });

  it("retries a failing job with backoff and gives up at its limit, keeping the error", async () => {
    let calls = 0;
    const handlers = {
      flaky: async () => {
        calls += 1;
        throw new Error(`attempt ${calls} failed`);
      },
    };
    await scheduleJob(database, { kind: "flaky", runAt: new Date("2026-12-02T08:00:00Z"), maxAttempts: 3 });
    expect(await runDueJobs(database, handlers)).toMatchObject({ retrying: 1 });
    expect(await runDueJobs(database, handlers)).toMatchObject({ retrying: 0, done: 0 });
    testClock.advance(60_000);
    expect(await runDueJobs(database, handlers)).toMatchObject({ retrying: 1 });
    testClock.advance(120_000);
    expect(await runDueJobs(database, handlers)).toMatchObject({ failed: 1 });
    const job = await database.selectFrom("jobs").selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: "failed", attempts: 3, last_error: "attempt 3 failed" });
  });

  it("fails a job whose kind has no handler, saying so", async () => {
    await scheduleJob(database, { kind: "unknown-kind", runAt: new Date("2026-12-02T08:00:00Z"), maxAttempts: 1 });
    await runDueJobs(database, {});
    const job = await database.selectFrom("jobs").selectAll().executeTakeFirstOrThrow();
    expect(job.last_error).toContain('No handler for job kind "unknown-kind"');
  });
});
