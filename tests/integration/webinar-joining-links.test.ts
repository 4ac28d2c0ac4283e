import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { testClock } from "~/clock.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { runDueJobs } from "~/jobs/jobs.server";
import { approveRegistrations } from "~/webinars/approve-registration.server";
import { cancelRegistration } from "~/webinars/cancel-registration.server";
import { updateWebinar } from "~/webinars/manage-webinars.server";
import { resendJoiningLink } from "~/webinars/send-joining-links.server";
import { createAdmin, setUpDatabaseTests } from "../support/fixtures";
import { approvedMember, newWebinar, queuedEmails, registeredMember, webinarInput } from "../support/webinars";

/**
 * The 10:00 joining-link job, with the controllable clock: it runs through the real jobs table and
 * the worker's handlers, as the server's worker does.
 */
const { database } = setUpDatabaseTests();

const runWorker = () => runDueJobs(database, jobHandlers());
const linkEmails = () => queuedEmails("webinar-joining-link");

async function linksJob(webinarId: number) {
  return database.selectFrom("jobs").selectAll().where("kind", "=", "webinars.joining-links").where("payload_json", "=", JSON.stringify({ webinarId })).execute();
}

describe("the 10:00 joining-link job", () => {
  // Four Wednesdays at 1pm UK time, either side of the clock changes on 28 March and 31 October 2027.
  const cases = [
    { date: "2027-03-24", zone: "GMT", sendsAt: "2027-03-24T10:00:00.000Z" },
    { date: "2027-03-31", zone: "BST", sendsAt: "2027-03-31T09:00:00.000Z" },
    { date: "2027-10-27", zone: "BST", sendsAt: "2027-10-27T09:00:00.000Z" },
    { date: "2027-11-03", zone: "GMT", sendsAt: "2027-11-03T10:00:00.000Z" },
  ];
  it.each(cases)("sends at 10:00 UK time on $date ($zone), not a minute before", async ({ date, sendsAt }) => {
    testClock.freeze(`${date.slice(0, 8)}01T09:00:00Z`);
    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id, { date });
    const people = [await approvedMember(webinarId, admin.id), await approvedMember(webinarId, admin.id)];
    const [job] = await linksJob(webinarId);
    expect(job?.run_at).toBe(sendsAt);

    testClock.freeze(new Date(Date.parse(sendsAt) - 60_000));
    await runWorker();
    expect(await linkEmails()).toHaveLength(0);

    testClock.freeze(sendsAt);
    expect(await runWorker()).toMatchObject({ failed: 0 });
    const sent = await linkEmails();
    expect(sent.map((mail) => mail.to_address).sort()).toEqual(people.map(({ member }) => member.email).sort());
    // The email says when it starts, in UK time.
    expect(sent[0]?.text).toMatch(/Wednesday \d+ \w+ 2027, 1pm to 2pm \(UK time\)/);
  });

  it("sends only to approved people (not those waiting, on the waiting list, declined or cancelled), each once", async () => {
    testClock.freeze("2027-04-01T09:00:00Z");
    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id, { capacity: 2 });
    const approved = [await approvedMember(webinarId, admin.id), await approvedMember(webinarId, admin.id)];
    const waitlisted = await approvedMember(webinarId, admin.id);
    const pending = await registeredMember(webinarId);
    const cancelled = await registeredMember(webinarId);
    await cancelRegistration(cancelled.member.id, webinarId);
    expect(await database.selectFrom("webinar_registrations").select("status").where("id", "=", waitlisted.registrationId).executeTakeFirst()).toEqual({
      status: "waitlisted",
    });

    testClock.freeze("2027-04-07T09:00:00Z");
    await runWorker();
    await runWorker();
    const sent = (await linkEmails()).map((mail) => mail.to_address);
    expect(sent.sort()).toEqual(approved.map(({ member }) => member.email).sort());
    expect(sent).not.toContain(pending.member.email);
  });

  it("sends at once to someone approved on the day after 10:00, and nothing after the end", async () => {
    testClock.freeze("2027-04-01T09:00:00Z");
    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id);
    const early = await approvedMember(webinarId, admin.id);
    const late = await registeredMember(webinarId);
    const tooLate = await registeredMember(webinarId);

    testClock.freeze("2027-04-07T09:00:00Z");
    await runWorker();
    expect((await linkEmails()).map((mail) => mail.to_address)).toEqual([early.member.email]);

    // 11:15 BST: approved after the links went out, so theirs goes straight away, after the approval email.
    testClock.freeze("2027-04-07T10:15:00Z");
    await approveRegistrations(admin.id, webinarId, [late.registrationId]);
    const toLate = await database.selectFrom("outbox").select("template").where("to_address", "=", late.member.email).orderBy("id").execute();
    expect(toLate.map((mail) => mail.template)).toEqual(["webinar-registration-received", "webinar-registration-approved", "webinar-joining-link"]);
    const approval = (await queuedEmails("webinar-registration-approved")).find((mail) => mail.to_address === late.member.email);
    expect(approval?.text).toContain("on its way in a separate email");

    // 14:00 BST, the end: approving now sends nothing at all, and the job sends nothing more.
    testClock.freeze("2027-04-07T13:00:00Z");
    const before = await database.selectFrom("outbox").select("id").execute();
    await approveRegistrations(admin.id, webinarId, [tooLate.registrationId]);
    await runWorker();
    expect(await database.selectFrom("outbox").select("id").execute()).toHaveLength(before.length);
  });

  it("still sends when the worker was down over 10:00: the job waits in the database for the next start", async () => {
    testClock.freeze("2027-04-01T09:00:00Z");
    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id);
    await approvedMember(webinarId, admin.id);
    // 09:59: nothing due. The worker stops; nothing is held in memory.
    testClock.freeze("2027-04-07T08:59:00Z");
    await runWorker();
    expect(await linkEmails()).toHaveLength(0);
    // It starts again at 10:20 and finds the job due.
    testClock.freeze("2027-04-07T09:20:00Z");
    expect(await runWorker()).toMatchObject({ done: 1 });
    expect(await linkEmails()).toHaveLength(1);
  });

  it("loses none and resends none when the worker dies part way through a large webinar", async () => {
    testClock.freeze("2027-04-01T09:00:00Z");
    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id);
    const people = [];
    for (let i = 0; i < 250; i += 1) people.push(await approvedMember(webinarId, admin.id));

    // The worker dies after queuing 150 links (the 151st fails: its batch is rolled back whole).
    await sql`create temp trigger crash_after_150 before insert on webinar_link_tokens
      when (select count(*) from webinar_link_tokens) >= 150
      begin select raise(abort, 'worker killed'); end`.execute(database);
    testClock.freeze("2027-04-07T09:00:00Z");
    expect(await runWorker()).toMatchObject({ retrying: 1 });
    expect(await linkEmails()).toHaveLength(100);

    // Restarted (the fault gone), the job is retried and sends only the ones not yet sent.
    await sql`drop trigger crash_after_150`.execute(database);
    testClock.advance(60_000);
    expect(await runWorker()).toMatchObject({ done: 1 });
    const sent = (await linkEmails()).map((mail) => mail.to_address);
    expect(sent).toHaveLength(250);
    expect(new Set(sent).size).toBe(250);
    expect(new Set(sent)).toEqual(new Set(people.map(({ member }) => member.email)));
    const unsent = await database.selectFrom("webinar_registrations").select("id").where("links_sent_at", "is", null).execute();
    expect(unsent).toEqual([]);
  });

  it("waits for a worker that died holding the job, then another worker sends once its hold runs out", async () => {
    testClock.freeze("2027-04-01T09:00:00Z");
    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id);
    await approvedMember(webinarId, admin.id);
    testClock.freeze("2027-04-07T09:00:00Z");
    // A worker took the job at 10:00 and died: its lease still holds the job.
    await database.updateTable("jobs").set({ locked_until: "2027-04-07T09:10:00.000Z" }).where("kind", "=", "webinars.joining-links").execute();
    await runWorker();
    expect(await linkEmails()).toHaveLength(0);
    testClock.freeze("2027-04-07T09:10:01Z");
    await runWorker();
    expect(await linkEmails()).toHaveLength(1);
  });

  it("moves the job with the webinar: a new day gets fresh links, the old time sends nothing", async () => {
    testClock.freeze("2027-04-01T09:00:00Z");
    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id, { date: "2027-04-07" });
    const { member } = await approvedMember(webinarId, admin.id);
    const moved = await updateWebinar(admin.id, webinarId, webinarInput({ date: "2027-04-14" }));
    expect(moved.ok).toBe(true);
    expect((await linksJob(webinarId)).map((job) => job.run_at).sort()).toEqual(["2027-04-07T09:00:00.000Z", "2027-04-14T09:00:00.000Z"]);

    testClock.freeze("2027-04-07T09:00:00Z");
    await runWorker();
    expect(await linkEmails()).toHaveLength(0);
    testClock.freeze("2027-04-14T09:00:00Z");
    await runWorker();
    expect((await linkEmails()).map((mail) => mail.to_address)).toEqual([member.email]);
    const timeChanged = await queuedEmails("webinar-time-changed");
    expect(timeChanged[0]?.text).toContain("Wednesday 14 April 2027, 1pm to 2pm");
    expect(timeChanged[0]?.text).toContain("It was on Wednesday 7 April 2027, 1pm to 2pm");
  });

  it("sends no second link when a webinar moves later on the same day, after its link went out", async () => {
    testClock.freeze("2027-04-01T09:00:00Z");
    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id, { startTime: "10:30" });
    const { member } = await approvedMember(webinarId, admin.id);
    // 09:30 BST, an hour before the 10:30 start: the link goes.
    testClock.freeze("2027-04-07T08:30:00Z");
    await runWorker();
    expect(await linkEmails()).toHaveLength(1);

    // 09:45 BST: moved to 2pm the same day, whose links would go at 10:00. The link they have still works.
    testClock.freeze("2027-04-07T08:45:00Z");
    expect((await updateWebinar(admin.id, webinarId, webinarInput({ startTime: "14:00" }))).ok).toBe(true);
    testClock.freeze("2027-04-07T09:00:00Z");
    await runWorker();
    expect((await linkEmails()).map((mail) => mail.to_address)).toEqual([member.email]);
    const [timeChanged] = await queuedEmails("webinar-time-changed");
    expect(timeChanged?.text).toContain("Wednesday 7 April 2027, 2pm to 3pm");
    expect(timeChanged?.text).not.toContain("joining link will arrive");
  });

  it("lets an approved registrant have the link again, a few times an hour, on the day only", async () => {
    testClock.freeze("2027-04-01T09:00:00Z");
    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id);
    const { member } = await approvedMember(webinarId, admin.id);
    const stranger = await registeredMember(webinarId);
    expect(await resendJoiningLink(member.id, webinarId)).toEqual({ ok: false, reason: "not-yet" });

    testClock.freeze("2027-04-07T09:30:00Z");
    expect(await resendJoiningLink(stranger.member.id, webinarId)).toEqual({ ok: false, reason: "not-approved" });
    for (let i = 0; i < 3; i += 1) expect(await resendJoiningLink(member.id, webinarId)).toEqual({ ok: true });
    expect(await resendJoiningLink(member.id, webinarId)).toMatchObject({ ok: false, reason: "rate-limited" });
    // The job at 10:00 would have found the link already sent and not sent another.
    await runWorker();
    expect(await linkEmails()).toHaveLength(3);
    testClock.freeze("2027-04-07T13:00:00Z");
    expect(await resendJoiningLink(member.id, webinarId)).toEqual({ ok: false, reason: "ended" });
  });
});
