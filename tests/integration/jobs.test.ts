import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { testClock } from "~/clock.server";
import type { Database } from "~/db.server";
import { dailyAtUkTime, defineJob } from "~/jobs/define.server";
import { runDueJobs, scheduleJob, scheduleRepeats } from "~/jobs/jobs.server";
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

const seen: Array<{ name: string; webinarId: number }> = [];
const sayHello = defineJob({
  name: "say-hello",
  schema: z.object({ name: z.string().trim().min(1), webinarId: z.number().int() }),
  handler: async (payload) => {
    seen.push(payload);
  },
});
const noPayload = defineJob({ name: "k", schema: z.object({}), handler: async () => undefined });

describe("durable jobs", () => {
  beforeEach(() => {
    seen.length = 0;
  });

  it("runs a job when it falls due, not before, and only once, with its payload parsed by its schema", async () => {
    await scheduleJob(database, sayHello, { name: "  Asha ", webinarId: 7 }, { runAt: new Date("2026-12-02T10:00:00Z") });

    expect(await runDueJobs(database, [sayHello])).toMatchObject({ done: 0 });
    testClock.freeze("2026-12-02T10:00:00Z");
    expect(await runDueJobs(database, [sayHello])).toMatchObject({ done: 1 });
    expect(await runDueJobs(database, [sayHello])).toMatchObject({ done: 0 });
    // Trimmed by the schema: the handler got the parsed payload, not the stored JSON.
    expect(seen).toEqual([{ name: "Asha", webinarId: 7 }]);
  });

  it("refuses to schedule a payload that does not fit the job's schema", async () => {
    const runAt = new Date("2026-12-02T10:00:00Z");
    // @ts-expect-error webinarId is missing: the payload is typed by the job's schema
    await expect(scheduleJob(database, sayHello, { name: "Asha" }, { runAt })).rejects.toThrow(/webinarId/);
    expect(await database.selectFrom("jobs").selectAll().execute()).toHaveLength(0);
  });

  it("fails a job whose stored payload does not fit its schema at once, saying why, without calling the handler", async () => {
    // As an older version of the portal might have left it.
    await database
      .insertInto("jobs")
      .values({
        kind: "say-hello",
        payload_json: JSON.stringify({ name: "Asha", webinarId: "seven" }),
        unique_key: null,
        state: "pending",
        run_at: "2026-12-02T08:00:00.000Z",
        max_attempts: 5,
        created_at: "2026-12-02T08:00:00.000Z",
      })
      .execute();
    expect(await runDueJobs(database, [sayHello])).toMatchObject({ failed: 1, retrying: 0 });
    const job = await database.selectFrom("jobs").selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: "failed", attempts: 1 });
    expect(job.last_error).toContain('The payload does not fit job "say-hello"');
    expect(job.last_error).toContain("webinarId");
    expect(seen).toEqual([]);
  });

  it("schedules idempotently by unique key", async () => {
    const runAt = new Date("2026-12-02T08:00:00Z");
    await scheduleJob(database, noPayload, {}, { runAt, uniqueKey: "webinar:1:links" });
    await scheduleJob(database, noPayload, {}, { runAt, uniqueKey: "webinar:1:links" });
    const jobs = await database.selectFrom("jobs").selectAll().execute();
    expect(jobs).toHaveLength(1);
  });

  it("retries a failing job with backoff and gives up at its limit, keeping the error", async () => {
    let calls = 0;
    const flaky = defineJob({
      name: "flaky",
      schema: z.object({}),
      handler: async () => {
        calls += 1;
        throw new Error(`attempt ${calls} failed`);
      },
    });
    await scheduleJob(database, flaky, {}, { runAt: new Date("2026-12-02T08:00:00Z"), maxAttempts: 3 });
    expect(await runDueJobs(database, [flaky])).toMatchObject({ retrying: 1 });
    expect(await runDueJobs(database, [flaky])).toMatchObject({ retrying: 0, done: 0 });
    testClock.advance(60_000);
    expect(await runDueJobs(database, [flaky])).toMatchObject({ retrying: 1 });
    testClock.advance(120_000);
    expect(await runDueJobs(database, [flaky])).toMatchObject({ failed: 1 });
    const job = await database.selectFrom("jobs").selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: "failed", attempts: 3, last_error: "attempt 3 failed" });
  });

  it("fails a job whose kind has no handler, saying so", async () => {
    const unknown = defineJob({ name: "unknown-kind", schema: z.object({}), handler: async () => undefined });
    await scheduleJob(database, unknown, {}, { runAt: new Date("2026-12-02T08:00:00Z"), maxAttempts: 1 });
    await runDueJobs(database, []);
    const job = await database.selectFrom("jobs").selectAll().executeTakeFirstOrThrow();
    expect(job.last_error).toContain('No handler for job kind "unknown-kind"');
  });

  it("refuses two job definitions with one name", async () => {
    const twin = defineJob({ name: "say-hello", schema: z.object({}), handler: async () => undefined });
    await expect(runDueJobs(database, [sayHello, twin])).rejects.toThrow('Two job definitions are named "say-hello"');
  });
});

describe("repeating jobs", () => {
  it("run daily at a UK time, in GMT and in BST", () => {
    const sevenAm = dailyAtUkTime(7);
    expect(sevenAm(new Date("2027-01-10T06:59:00Z")).toISOString()).toBe("2027-01-10T07:00:00.000Z");
    expect(sevenAm(new Date("2027-01-10T07:00:00Z")).toISOString()).toBe("2027-01-11T07:00:00.000Z");
    // The clocks go forward at 01:00 UTC on 28 March 2027: 7am is then 06:00 UTC.
    expect(sevenAm(new Date("2027-03-27T08:00:00Z")).toISOString()).toBe("2027-03-28T06:00:00.000Z");
    expect(sevenAm(new Date("2027-10-30T12:00:00Z")).toISOString()).toBe("2027-10-31T07:00:00.000Z");
  });

  it("keep exactly one run scheduled ahead, across restarts, and the next one after each run", async () => {
    let runs = 0;
    const digest = defineJob({ name: "digest", schema: z.object({}), repeat: dailyAtUkTime(7), handler: async () => void (runs += 1) });
    testClock.freeze("2027-01-10T06:00:00Z");
    await scheduleRepeats(database, [digest]);
    await scheduleRepeats(database, [digest]);
    const pending = () => database.selectFrom("jobs").select("run_at").where("kind", "=", "digest").where("state", "=", "pending").execute();
    expect(await pending()).toEqual([{ run_at: "2027-01-10T07:00:00.000Z" }]);

    testClock.freeze("2027-01-10T07:00:01Z");
    expect(await runDueJobs(database, [digest])).toMatchObject({ done: 1 });
    await scheduleRepeats(database, [digest]);
    expect(runs).toBe(1);
    expect(await pending()).toEqual([{ run_at: "2027-01-11T07:00:00.000Z" }]);
  });
});
