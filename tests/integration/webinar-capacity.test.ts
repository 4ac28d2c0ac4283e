import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { testClock } from "~/clock.server";
import { approveRegistrations } from "~/webinars/approve-registration.server";
import { cancelRegistration } from "~/webinars/cancel-registration.server";
import { registerForWebinar } from "~/webinars/register-for-webinar.server";
import { createAdmin, createMember, setUpDatabaseTests } from "../support/fixtures";
import { newWebinar, queuedEmails } from "../support/webinars";

/**
 * Capacity is never exceeded, however many registrations and approvals arrive at once: the count of
 * places and the change made on it happen in one write transaction.
 */
const { database } = setUpDatabaseTests();
const run = promisify(execFile);

async function statusCounts(webinarId: number) {
  const rows = await database
    .selectFrom("webinar_registrations")
    .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("webinar_id", "=", webinarId)
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

async function raceSetUp(people: number) {
  testClock.freeze("2027-04-01T09:00:00Z");
  const admin = await createAdmin();
  const webinarId = await newWebinar(admin.id, { capacity: 300 });
  const members = [];
  for (let i = 0; i < people; i += 1) members.push(await createMember());
  return { admin, webinarId, memberIds: members.map((member) => member.id) };
}

describe("places under load", () => {
  it("gives exactly 300 places when 500 registrations and approvals race in one process", { timeout: 120_000 }, async () => {
    const { admin, webinarId, memberIds } = await raceSetUp(500);
    const outcomes = await Promise.all(
      memberIds.map(async (memberId) => {
        const registered = await registerForWebinar(memberId, webinarId);
        if (!("registration" in registered)) throw new Error(registered.outcome);
        return approveRegistrations(admin.id, webinarId, [registered.registration.id]);
      }),
    );
    expect(await statusCounts(webinarId)).toEqual({ approved: 300, waitlisted: 200 });
    expect(outcomes.reduce((sum, outcome) => sum + (outcome.ok ? outcome.approved : 0), 0)).toBe(300);
    expect(await queuedEmails("webinar-registration-approved")).toHaveLength(300);
    expect(await queuedEmails("webinar-registration-waitlisted")).toHaveLength(200);
  });

  it("gives exactly 300 places when 4 processes race 500 registrations and approvals on the same file", { timeout: 180_000 }, async () => {
    const { admin, webinarId, memberIds } = await raceSetUp(500);
    testClock.reset();
    const shares = [0, 1, 2, 3].map((part) => memberIds.filter((_, index) => index % 4 === part));
    // The children read the real clock, so the webinar is put far enough ahead for them.
    await database.updateTable("webinars").set({ starts_at: "2099-04-07T12:00:00.000Z", ends_at: "2099-04-07T13:00:00.000Z" }).execute();
    const results = await Promise.all(
      shares.map((share) =>
        run(process.execPath, ["--import", "tsx", "tests/support/webinar-race-worker.ts", String(webinarId), String(admin.id), share.join(",")], {
          env: { ...process.env, LOG_LEVEL: "silent" },
        }),
      ),
    );
    const outcomes = results.map(({ stdout }) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { approved: number; waitlisted: number });
    expect(outcomes.reduce((sum, outcome) => sum + outcome.approved, 0)).toBe(300);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.waitlisted, 0)).toBe(200);
    expect(await statusCounts(webinarId)).toEqual({ approved: 300, waitlisted: 200 });
  });

  it("gives places freed by cancellations to the waiting list in order, never more than there are", { timeout: 60_000 }, async () => {
    testClock.freeze("2027-04-01T09:00:00Z");
    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id, { capacity: 20 });
    const members = [];
    for (let i = 0; i < 30; i += 1) {
      const member = await createMember();
      const registered = await registerForWebinar(member.id, webinarId);
      if ("registration" in registered) await approveRegistrations(admin.id, webinarId, [registered.registration.id]);
      members.push(member);
    }
    // Five with places cancel at the same moment as one on the waiting list.
    await Promise.all([...members.slice(0, 5), members[25] as (typeof members)[number]].map((member) => cancelRegistration(member.id, webinarId)));
    expect(await statusCounts(webinarId)).toEqual({ approved: 20, waitlisted: 4, cancelled: 6 });
    const offered = (await queuedEmails("webinar-place-offered")).map((mail) => mail.to_address);
    expect(offered).toEqual(members.slice(20, 25).map((member) => member.email));
  });
});
