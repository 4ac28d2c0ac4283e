import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { testClock } from "~/clock.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { runDueJobs, scheduleRepeats } from "~/jobs/jobs.server";
import { exportMemberData } from "~/privacy/export.server";
import { leaveNetwork } from "~/privacy/leave.server";
import * as staffWebinar from "~/routes/admin.webinars.$id._index";
import * as joiningPage from "~/routes/j.$token";
import * as webinarPage from "~/routes/webinars.$id._index";
import * as registerPage from "~/routes/webinars.$id.register";
import * as webinarList from "~/routes/webinars._index";
import { approveRegistrations, declineRegistrations } from "~/webinars/approve-registration.server";
import { runAnnouncement } from "~/webinars/announce-webinar.server";
import { cancelRegistration } from "~/webinars/cancel-registration.server";
import { getJoiningPage, joinWithToken } from "~/webinars/join-webinar.server";
import { cancelWebinar, stopSeries, topUpAllSeries, updateSeries, updateWebinar } from "~/webinars/manage-webinars.server";
import { registerForWebinar } from "~/webinars/register-for-webinar.server";
import { exportRegistrations } from "~/webinars/registrations-csv.server";
import { getWebinarForStaff } from "~/webinars/staff-registrations.server";
import { sendDueJoiningLinks } from "~/webinars/send-joining-links.server";
import { confirmEmailChallenge } from "~/membership/email-confirmation.server";
import { joinNetwork } from "~/membership/join.server";
import { createAdmin, createMember, emailsTo, lastEmailTo, pageData, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";
import { renderPage } from "../support/render-page";
import { approvedMember, joiningTokenFor, MEETING_URL, newSeries, newWebinar, queuedEmails, registeredMember, webinarInput } from "../support/webinars";

const { database } = setUpDatabaseTests();

async function statusOf(registrationId: number) {
  return (await database.selectFrom("webinar_registrations").select("status").where("id", "=", registrationId).executeTakeFirstOrThrow()).status;
}

async function auditActions() {
  return (await database.selectFrom("audit_log").select("action").orderBy("id").execute()).map((row) => row.action);
}

/** A webinar on Wednesday 7 April 2027, 1pm to 2pm BST, set up a week before. */
async function aprilWebinar(overrides: Parameters<typeof newWebinar>[1] = {}) {
  testClock.freeze("2027-03-31T09:00:00Z");
  const admin = await createAdmin();
  return { admin, webinarId: await newWebinar(admin.id, overrides) };
}

describe("registering", () => {
  it("takes one click, tells the member it is received, and registering again changes nothing", async () => {
    const { webinarId } = await aprilWebinar({ questions: [{ id: "q1", label: "What should we cover?" }] });
    const member = await createMember();
    const first = await registerForWebinar(member.id, webinarId, { q1: "  Housing  ", q9: "not a question" });
    expect(first).toMatchObject({ outcome: "registered", registration: { status: "pending", answers_json: JSON.stringify({ q1: "Housing" }) } });
    expect(await registerForWebinar(member.id, webinarId, { q1: "Other" })).toMatchObject({ outcome: "already-registered" });
    expect(await database.selectFrom("webinar_registrations").selectAll().execute()).toHaveLength(1);
    expect((await emailsTo(database, member.email)).map((mail) => mail.template)).toEqual(["webinar-registration-received"]);
  });

  it("is refused when registration is closed or the webinar has started, and for someone declined", async () => {
    const { admin, webinarId } = await aprilWebinar({ registrationOpen: false });
    expect(await registerForWebinar((await createMember()).id, webinarId)).toEqual({ outcome: "closed" });
    await updateWebinar(admin.id, webinarId, webinarInput({ registrationOpen: true }));
    const declined = await registeredMember(webinarId);
    await declineRegistrations(admin.id, webinarId, [declined.registrationId], null);
    expect(await registerForWebinar(declined.member.id, webinarId)).toEqual({ outcome: "declined" });
    testClock.freeze("2027-04-07T12:00:00Z");
    expect(await registerForWebinar((await createMember()).id, webinarId)).toEqual({ outcome: "closed" });
  });

  it("starts again as waiting for approval after the member cancelled", async () => {
    const { admin, webinarId } = await aprilWebinar();
    const { member, registrationId } = await approvedMember(webinarId, admin.id);
    expect(await cancelRegistration(member.id, webinarId)).toEqual({ ok: true, promoted: 0 });
    expect(await statusOf(registrationId)).toBe("cancelled");
    expect(await registerForWebinar(member.id, webinarId)).toMatchObject({ outcome: "registered", registration: { id: registrationId, status: "pending" } });
  });
});

describe("staff decisions", () => {
  it("declines with a reason that is emailed, and a declined place goes to the waiting list", async () => {
    const { admin, webinarId } = await aprilWebinar({ capacity: 1 });
    const first = await approvedMember(webinarId, admin.id);
    const second = await approvedMember(webinarId, admin.id);
    expect(await statusOf(second.registrationId)).toBe("waitlisted");
    const result = await declineRegistrations(admin.id, webinarId, [first.registrationId], "This session is for link workers.");
    expect(result).toMatchObject({ ok: true, declined: 1 });
    expect(await statusOf(second.registrationId)).toBe("approved");
    const declined = (await queuedEmails("webinar-registration-declined"))[0];
    expect(declined?.to_address).toBe(first.member.email);
    expect(declined?.text).toContain("This session is for link workers.");
    expect((await queuedEmails("webinar-place-offered")).map((mail) => mail.to_address)).toEqual([second.member.email]);
    expect(await auditActions()).toEqual(expect.arrayContaining(["webinar.registration-approved", "webinar.registration-declined"]));
  });

  it("approves many at once in the order people registered, skipping ones already decided", async () => {
    const { admin, webinarId } = await aprilWebinar({ capacity: 2 });
    const people = [await registeredMember(webinarId), await registeredMember(webinarId), await registeredMember(webinarId)];
    await approveRegistrations(admin.id, webinarId, [people[0]!.registrationId]);
    const result = await approveRegistrations(admin.id, webinarId, "all-pending");
    expect(result).toEqual({ ok: true, approved: 1, waitlisted: 1, declined: 0, skipped: 0 });
    expect(await approveRegistrations(admin.id, webinarId, people.map((person) => person.registrationId))).toMatchObject({ skipped: 3 });
    expect(await Promise.all(people.map((person) => statusOf(person.registrationId)))).toEqual(["approved", "approved", "waitlisted"]);
  });

  it("gives added places to the waiting list at once", async () => {
    const { admin, webinarId } = await aprilWebinar({ capacity: 1 });
    await approvedMember(webinarId, admin.id);
    const waiting = await approvedMember(webinarId, admin.id);
    await updateWebinar(admin.id, webinarId, webinarInput({ capacity: 2 }));
    expect(await statusOf(waiting.registrationId)).toBe("approved");
    expect((await queuedEmails("webinar-place-offered")).map((mail) => mail.to_address)).toEqual([waiting.member.email]);
  });
});

describe("changing and cancelling a webinar", () => {
  it("emails everyone still registered when the time changes, with the new time in UK time", async () => {
    const { admin, webinarId } = await aprilWebinar();
    const approved = await approvedMember(webinarId, admin.id);
    const pending = await registeredMember(webinarId);
    const cancelled = await registeredMember(webinarId);
    await cancelRegistration(cancelled.member.id, webinarId);
    const result = await updateWebinar(admin.id, webinarId, webinarInput({ startTime: "14:30" }));
    expect(result).toEqual({ ok: true, id: webinarId });
    const sent = await queuedEmails("webinar-time-changed");
    expect(sent.map((mail) => mail.to_address).sort()).toEqual([approved.member.email, pending.member.email].sort());
    expect(sent[0]?.text).toContain("Wednesday 7 April 2027, 2:30pm to 3:30pm");
    expect((await database.selectFrom("audit_log").select("details_json").where("action", "=", "webinar.updated").executeTakeFirstOrThrow()).details_json).toBe(
      JSON.stringify({ changed: ["time"] }),
    );
  });

  it("refuses a time that the clocks skip or that has passed, and changes nothing", async () => {
    const { admin, webinarId } = await aprilWebinar();
    expect(await updateWebinar(admin.id, webinarId, webinarInput({ date: "2028-03-26", startTime: "01:30" }))).toMatchObject({ ok: false, fieldErrors: { startTime: [expect.stringContaining("clocks go forward")] } });
    expect(await updateWebinar(admin.id, webinarId, webinarInput({ date: "2027-03-01" }))).toMatchObject({ ok: false, fieldErrors: { date: [expect.any(String)] } });
    expect(await queuedEmails("webinar-time-changed")).toEqual([]);
  });

  it("cancels: everyone registered is emailed, links stop working, registration closes", async () => {
    const { admin, webinarId } = await aprilWebinar();
    const { member } = await approvedMember(webinarId, admin.id);
    testClock.freeze("2027-04-07T09:00:00Z");
    await sendDueJoiningLinks(webinarId);
    const token = await joiningTokenFor(member.email);
    expect(await cancelWebinar(admin.id, webinarId, "The speaker is unwell.")).toEqual({ ok: true, id: webinarId });
    const cancelled = (await queuedEmails("webinar-cancelled"))[0];
    expect(cancelled?.to_address).toBe(member.email);
    expect(cancelled?.text).toContain("The speaker is unwell.");
    expect(cancelled?.text).toContain(`/webinars/${webinarId}/calendar.ics`);
    expect((await getJoiningPage(token))?.state).toBe("webinar-cancelled");
    expect(await registerForWebinar((await createMember()).id, webinarId)).toEqual({ outcome: "closed" });
    expect(await cancelWebinar(admin.id, webinarId, "Again")).toMatchObject({ ok: false });
  });
});

describe("series", () => {
  it("lists 6 webinars every 14 days at the same UK time across the clock change, then keeps 6 ahead", async () => {
    testClock.freeze("2027-03-01T09:00:00Z");
    const admin = await createAdmin();
    const seriesId = await newSeries(admin.id, { date: "2027-03-10" });
    const occurrences = async () =>
      (await database.selectFrom("webinars").select(["starts_at"]).where("series_id", "=", seriesId).orderBy("starts_at").execute()).map((row) => row.starts_at);
    expect(await occurrences()).toEqual([
      "2027-03-10T13:00:00.000Z",
      "2027-03-24T13:00:00.000Z",
      "2027-04-07T12:00:00.000Z",
      "2027-04-21T12:00:00.000Z",
      "2027-05-05T12:00:00.000Z",
      "2027-05-19T12:00:00.000Z",
    ]);
    // Each has its own joining-links job.
    expect(await database.selectFrom("jobs").select("id").where("kind", "=", "webinars.joining-links").execute()).toHaveLength(6);

    // Four weeks on, the daily top-up adds two more; a stopped series adds none.
    testClock.freeze("2027-03-25T02:00:00Z");
    expect(await topUpAllSeries()).toBe(2);
    expect((await occurrences()).slice(-2)).toEqual(["2027-06-02T12:00:00.000Z", "2027-06-16T12:00:00.000Z"]);
    await stopSeries(admin.id, seriesId);
    testClock.freeze("2027-04-08T02:00:00Z");
    expect(await topUpAllSeries()).toBe(0);
  });

  it("tops up every day at 03:00 UK time through the worker's repeating job", async () => {
    testClock.freeze("2027-03-01T09:00:00Z");
    const admin = await createAdmin();
    await newSeries(admin.id, { date: "2027-03-10" });
    await scheduleRepeats(database, jobHandlers());
    const topUp = await database.selectFrom("jobs").selectAll().where("kind", "=", "webinars.series-top-up").executeTakeFirstOrThrow();
    expect(topUp.run_at).toBe("2027-03-02T03:00:00.000Z");
    // Weeks later (the repeat scheduled afresh, as the worker does after each run), the run adds what is missing.
    testClock.freeze("2027-03-25T02:59:00Z");
    await scheduleRepeats(database, jobHandlers());
    testClock.freeze("2027-03-25T03:00:00Z");
    await runDueJobs(database, jobHandlers());
    expect(await database.selectFrom("webinars").select("id").execute()).toHaveLength(8);
  });

  it("changes one occurrence alone, and series settings reach the upcoming ones only when asked", async () => {
    testClock.freeze("2027-03-01T09:00:00Z");
    const admin = await createAdmin();
    const seriesId = await newSeries(admin.id, { date: "2027-03-10" });
    const [first, second] = await database.selectFrom("webinars").selectAll().where("series_id", "=", seriesId).orderBy("starts_at").execute();
    await updateWebinar(admin.id, first!.id, webinarInput({ date: "2027-03-10", title: "Working with housing teams" }));
    expect((await database.selectFrom("webinars").select("title").where("id", "=", second!.id).executeTakeFirstOrThrow()).title).toBe("Supporting carers");

    const settings = { ...webinarInput(), meetingUrl: "https://meet.example.org/new-room", applyToUpcoming: false };
    await updateSeries(admin.id, seriesId, settings);
    expect((await database.selectFrom("webinars").select("meeting_url").where("id", "=", second!.id).executeTakeFirstOrThrow()).meeting_url).toBe(MEETING_URL);
    await updateSeries(admin.id, seriesId, { ...settings, applyToUpcoming: true });
    const rooms = await database.selectFrom("webinars").select("meeting_url").where("series_id", "=", seriesId).execute();
    expect(new Set(rooms.map((row) => row.meeting_url))).toEqual(new Set(["https://meet.example.org/new-room"]));
  });
});

describe("announcing registration", () => {
  it("emails each opted-in member once per announcement, carrying on after a restart, never with the meeting link", async () => {
    testClock.freeze("2027-03-01T09:00:00Z");
    const optedIn = [];
    for (let i = 0; i < 600; i += 1) optedIn.push(await createMember({ events_opt_in: 1 }));
    await createMember({ events_opt_in: 0 });
    await createMember({ events_opt_in: 1, status: "pending" });
    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id);
    const announcement = await database.selectFrom("webinar_announcements").selectAll().executeTakeFirstOrThrow();
    expect(announcement.key).toBe(`webinar:${webinarId}`);

    // The worker dies after queuing the first 500 (the next batch is rolled back whole)...
    await sql`create temp trigger crash_in_second_batch before insert on outbox
      when (select count(*) from outbox where template = 'webinar-announcement') >= 500
      begin select raise(abort, 'worker killed'); end`.execute(database);
    await expect(runAnnouncement(announcement.key)).rejects.toThrow("worker killed");
    expect(await queuedEmails("webinar-announcement")).toHaveLength(500);
    await sql`drop trigger crash_in_second_batch`.execute(database);
    // ...and carries on where it stopped; running it again, or the job, sends nobody a second email.
    expect(await runAnnouncement(announcement.key)).toBe(100);
    expect(await runAnnouncement(announcement.key)).toBe(0);
    await runDueJobs(database, jobHandlers());
    const sent = await queuedEmails("webinar-announcement");
    expect(sent.map((mail) => mail.to_address).sort()).toEqual(optedIn.map((member) => member.email).sort());
    // One body for everyone (a bulk campaign), without the meeting link.
    const bodies = await database.selectFrom("outbox_bodies").selectAll().execute();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.html).not.toContain(MEETING_URL);
    expect(bodies[0]?.text).toContain(`/webinars/${webinarId}`);

    // Closing and opening registration again does not announce it again.
    await updateWebinar(admin.id, webinarId, webinarInput({ registrationOpen: false }));
    await updateWebinar(admin.id, webinarId, webinarInput({ registrationOpen: true }));
    await runDueJobs(database, jobHandlers());
    expect(await queuedEmails("webinar-announcement")).toHaveLength(600);
  });

  it("announces a series once, with its first dates, and not each webinar in it", async () => {
    testClock.freeze("2027-03-01T09:00:00Z");
    const member = await createMember({ events_opt_in: 1 });
    const admin = await createAdmin();
    await newSeries(admin.id, { date: "2027-03-10" });
    await runDueJobs(database, jobHandlers());
    const sent = await queuedEmails("webinar-announcement");
    expect(sent.map((mail) => mail.to_address)).toEqual([member.email]);
    expect(sent[0]?.text).toContain("Wednesday 10 March 2027, 1pm to 2pm");
    expect(sent[0]?.text).toContain("Wednesday 7 April 2027, 1pm to 2pm");
  });
});

describe("the personal joining page", () => {
  it("records nothing however often it is opened, and joins only from 30 minutes before the start until the end", async () => {
    const { admin, webinarId } = await aprilWebinar();
    const { member, registrationId } = await approvedMember(webinarId, admin.id);
    testClock.freeze("2027-04-07T09:00:00Z");
    await sendDueJoiningLinks(webinarId);
    const token = await joiningTokenFor(member.email);

    for (let i = 0; i < 3; i += 1) expect((await getJoiningPage(token))?.state).toBe("before");
    expect(await joinWithToken(token, "browser-one")).toMatchObject({ ok: false, page: { state: "before" } });
    testClock.freeze("2027-04-07T11:30:00Z");
    expect(await joinWithToken(token, "browser-one")).toEqual({ ok: true, meetingUrl: MEETING_URL });
    testClock.freeze("2027-04-07T12:59:59Z");
    expect(await joinWithToken(token, "browser-one")).toMatchObject({ ok: true });
    testClock.freeze("2027-04-07T13:00:00Z");
    expect(await joinWithToken(token, "browser-one")).toMatchObject({ ok: false, page: { state: "ended" } });
    const joins = await database.selectFrom("webinar_joins").selectAll().where("registration_id", "=", registrationId).execute();
    expect(joins).toHaveLength(2);
    // Only a keyed hash of the browser's id is kept.
    expect(joins[0]?.browser_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await getJoiningPage("not-a-token")).toBeUndefined();
  });

  it("keeps working after a resend (every link sent works) and flags a link used from 3 browsers", async () => {
    const { admin, webinarId } = await aprilWebinar();
    const { member } = await approvedMember(webinarId, admin.id);
    testClock.freeze("2027-04-07T09:00:00Z");
    await sendDueJoiningLinks(webinarId);
    const firstToken = await joiningTokenFor(member.email);
    testClock.freeze("2027-04-07T11:45:00Z");
    for (const browser of ["laptop", "phone"]) await joinWithToken(firstToken, browser);
    expect((await getWebinarForStaff(webinarId))?.possiblyShared).toBe(0);
    await joinWithToken(firstToken, "a-colleague");
    expect(await getWebinarForStaff(webinarId)).toMatchObject({ joined: 1, possiblyShared: 1 });
  });

  it("stops working with a clear page when the place is cancelled or declined", async () => {
    const { admin, webinarId } = await aprilWebinar();
    const cancelling = await approvedMember(webinarId, admin.id);
    const declined = await approvedMember(webinarId, admin.id);
    testClock.freeze("2027-04-07T09:00:00Z");
    await sendDueJoiningLinks(webinarId);
    const cancellingToken = await joiningTokenFor(cancelling.member.email);
    const declinedToken = await joiningTokenFor(declined.member.email);
    await cancelRegistration(cancelling.member.id, webinarId);
    await declineRegistrations(admin.id, webinarId, [declined.registrationId], null);
    testClock.freeze("2027-04-07T11:45:00Z");
    expect(await joinWithToken(cancellingToken, "b")).toMatchObject({ ok: false, page: { state: "cancelled" } });
    expect(await joinWithToken(declinedToken, "b")).toMatchObject({ ok: false, page: { state: "declined" } });
    expect(await database.selectFrom("webinar_joins").selectAll().execute()).toEqual([]);
  });

  it("opens a meeting link with letters like ł or a pasted … (stored before links were normalised)", async () => {
    const { admin, webinarId } = await aprilWebinar();
    const { member, registrationId } = await approvedMember(webinarId, admin.id);
    await database.updateTable("webinars").set({ meeting_url: "https://teams.example/spotkanie/łódź…" }).where("id", "=", webinarId).execute();
    testClock.freeze("2027-04-07T09:00:00Z");
    await sendDueJoiningLinks(webinarId);
    const token = await joiningTokenFor(member.email);
    testClock.freeze("2027-04-07T11:45:00Z");
    const joined = (await joiningPage.action({ request: pageRequest(`/j/${token}`, { form: {} }), params: { token }, context: testContext })) as unknown as {
      data: { joined: { meetingUrl: string } };
      init: { headers: Headers };
    };
    const href = "https://teams.example/spotkanie/%C5%82%C3%B3d%C5%BA%E2%80%A6";
    expect(joined.init.headers.get("Refresh")).toBe(`0; url=${href}`);
    expect(joined.data.joined.meetingUrl).toBe(href);
    expect(await database.selectFrom("webinar_joins").select("registration_id").execute()).toEqual([{ registration_id: registrationId }]);
  });
});

describe("what pages and files show", () => {
  it("never puts the meeting link on the public pages, for visitors or members with a place", async () => {
    const { admin, webinarId } = await aprilWebinar();
    const { member } = await approvedMember(webinarId, admin.id);
    testClock.freeze("2027-04-07T11:45:00Z");
    const cookie = await sessionCookieFor(member.id);
    for (const request of [pageRequest(`/webinars/${webinarId}`), pageRequest(`/webinars/${webinarId}`, { cookie })]) {
      const page = await webinarPage.loader({ request, params: { id: String(webinarId) }, context: testContext });
      expect(JSON.stringify(page)).not.toContain("meet.example.org");
      const list = await webinarList.loader({ request, params: {}, context: testContext });
      expect(JSON.stringify(list)).not.toContain("meet.example.org");
    }
    const outbox = await database.selectFrom("outbox").select(["html", "text"]).execute();
    expect(outbox.some((mail) => mail.html.includes(MEETING_URL) || mail.text.includes(MEETING_URL))).toBe(false);
  });

  it("lists each webinar with a teaser of its description, cut at a word, and shows the whole on its page", async () => {
    const words = "Link workers share how they set up walking groups with local parks and what changed for the people who came. ".repeat(4);
    const { webinarId } = await aprilWebinar({ description: words });
    const unbroken = await newWebinar((await createAdmin({ email: "second.admin@nhs.net" })).id, {
      title: "A long address",
      description: `https://example.org/${"x".repeat(300)} and then some words`,
    });
    const request = pageRequest("/webinars");
    const { webinars } = await webinarList.loader({ request, params: {}, context: testContext });
    const teaserOf = (id: number) => webinars.find((webinar) => webinar.id === id)?.teaser ?? "";
    const teaser = teaserOf(webinarId);
    expect(teaser.endsWith("…") && teaser.length <= 221).toBe(true);
    expect(words.startsWith(`${teaser.slice(0, -1)} `)).toBe(true);
    expect(teaserOf(unbroken)).toHaveLength(221);
    expect(JSON.stringify(webinars)).not.toContain(words.trim());
    const page = pageData(await webinarPage.loader({ request: pageRequest(`/webinars/${webinarId}`), params: { id: String(webinarId) }, context: testContext }));
    expect(page).toMatchObject({ webinar: { description: words } });
    expect(JSON.stringify(page)).not.toContain("teaser");
  });

  it("exports registrations as CSV that spreadsheets cannot run, and audits the download", async () => {
    const { admin, webinarId } = await aprilWebinar({ questions: [{ id: "q1", label: "What should we cover?" }] });
    const member = await createMember({ full_name: "=HYPERLINK(\"https://evil.example\",\"Sam\")", organisation: "@Ashcroft" });
    await registerForWebinar(member.id, webinarId, { q1: "+tips on housing" });
    const exported = await exportRegistrations(admin.id, webinarId);
    const lines = exported?.csv.split("\r\n") ?? [];
    expect(lines[0]).toContain('"What should we cover?"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""https://evil.example"",""Sam"")"`);
    expect(lines[1]).toContain(`"'@Ashcroft"`);
    expect(lines[1]).toContain(`"'+tips on housing"`);
    expect(await auditActions()).toContain("webinar.registrations-exported");
  });
});

describe("a member's data", () => {
  it("includes their registrations, answers and joins in their download", async () => {
    const { admin, webinarId } = await aprilWebinar({ questions: [{ id: "q1", label: "What should we cover?" }] });
    const member = await createMember();
    const registered = await registerForWebinar(member.id, webinarId, { q1: "Housing" });
    if (!("registration" in registered)) throw new Error("not registered");
    await approveRegistrations(admin.id, webinarId, [registered.registration.id]);
    testClock.freeze("2027-04-07T09:00:00Z");
    await sendDueJoiningLinks(webinarId);
    testClock.freeze("2027-04-07T11:50:00Z");
    await joinWithToken(await joiningTokenFor(member.email), "laptop");
    const download = JSON.stringify(await exportMemberData(member.id));
    expect(download).toContain("Supporting carers");
    expect(download).toContain("What should we cover?");
    expect(download).toContain("Housing");
    expect(download).toContain("2027-04-07T11:50:00.000Z");
  });

  it("goes when they leave, and a place they held goes to the waiting list", async () => {
    const { admin, webinarId } = await aprilWebinar({ capacity: 1 });
    const leaving = await approvedMember(webinarId, admin.id);
    const waiting = await approvedMember(webinarId, admin.id);
    await leaveNetwork(leaving.member.id);
    expect(await database.selectFrom("webinar_registrations").select("user_id").execute()).toEqual([{ user_id: waiting.member.id }]);
    expect(await statusOf(waiting.registrationId)).toBe("approved");
    expect((await queuedEmails("webinar-place-offered")).map((mail) => mail.to_address)).toEqual([waiting.member.email]);
  });
});

describe("a visitor who presses Register", () => {
  it("comes back to finish registering after joining the network", async () => {
    const { webinarId } = await aprilWebinar();
    const path = `/webinars/${webinarId}/register`;
    const joining = await joinNetwork(
      {
        fullName: "Alex Example",
        email: "alex@somehospital.nhs.uk",
        organisation: "Riverside PCN",
        jobRole: "link-worker",
        region: "north-west",
        icbPcn: undefined,
        workspaceInterests: [],
        bulletin: false,
        events: false,
      },
      { ip: "198.51.100.7", redirectTo: path },
    );
    if (!joining.ok) throw new Error("could not join");
    const mail = await lastEmailTo(database, "alex@somehospital.nhs.uk");
    const confirmed = await confirmEmailChallenge(joining.publicId, { code: mail!.code! }, { ip: "198.51.100.7" });
    expect(confirmed).toMatchObject({ outcome: "signed-in", destination: `/welcome?${new URLSearchParams({ next: path })}` });
  });
});

describe("a registration decision on a staff list", () => {
  it("returns staff to the filter and page they decided from, and nothing else from the address", async () => {
    const { admin, webinarId } = await aprilWebinar();
    const { registrationId } = await registeredMember(webinarId);
    const path = `/admin/webinars/${webinarId}?status=pending&page=2&other=x`;
    const request = pageRequest(path, { cookie: await sessionCookieFor(admin.id), form: { intent: "approve", registration: [String(registrationId)] } });
    const response = await staffWebinar.action({ request, params: { id: String(webinarId) }, context: testContext }).catch((thrown: unknown) => thrown);
    expect((response as Response).headers.get("Location")).toBe(`/admin/webinars/${webinarId}?status=pending&page=2`);
    expect(await statusOf(registrationId)).toBe("approved");
  });
});

describe("forms shown again after an error", () => {
  const staffPage = (webinarId: number, cookie: string, form: Record<string, string | string[]>) =>
    renderPage(staffWebinar, pageRequest(`/admin/webinars/${webinarId}`, { cookie, form }), { path: "/admin/webinars/:id" });

  it("keeps the registrations staff ticked and the reason they typed, with the reason's error by its box", async () => {
    const { admin, webinarId } = await aprilWebinar();
    const { registrationId } = await registeredMember(webinarId);
    const other = await registeredMember(webinarId);
    const reason = `Please come to the April session instead. ${"x".repeat(1000)}`;
    const page = await staffPage(webinarId, await sessionCookieFor(admin.id), { intent: "decline", registration: [String(registrationId)], reason });
    expect(page.status).toBe(400);
    expect(page.html).toContain('<a href="#reason-form-group">The reason must be 1,000 characters or fewer</a>');
    expect(page.html).toMatch(/id="reason-error"><span class="nhsuk-u-visually-hidden">Error:<\/span> (<!-- -->)?The reason must be 1,000 characters or fewer/);
    expect(page.html).toContain(`>${reason}</textarea>`);
    expect(page.html).toMatch(new RegExp(`id="registration-${registrationId}"[^>]*checked=""`));
    expect(page.html).not.toMatch(new RegExp(`id="registration-${other.registrationId}"[^>]*checked=""`));
    expect(await statusOf(registrationId)).toBe("pending");
  });

  it("tells staff to use the page's buttons when the form was not sent from them, without zod's own words", async () => {
    const { admin, webinarId } = await aprilWebinar();
    const { registrationId } = await registeredMember(webinarId);
    const cookie = await sessionCookieFor(admin.id);
    const crafted: Array<Record<string, string | string[]>> = [{ intent: "foo" }, { intent: "approve", registration: ["abc", String(registrationId)] }];
    for (const form of crafted) {
      const page = await staffPage(webinarId, cookie, form);
      expect(page.status, JSON.stringify(form)).toBe(400);
      expect(page.html).toContain('<a href="#registrations">Choose an action from the page</a>');
      expect(page.text).not.toMatch(/Invalid|expected/);
    }
    expect(await statusOf(registrationId)).toBe("pending");
  });

  it("keeps a member's answer that is too long in its box, with the error by it", async () => {
    const { webinarId } = await aprilWebinar({ questions: [{ id: "q1", label: "What would you like covered?" }] });
    const member = await createMember();
    const answer = `Carers' assessments. ${"y".repeat(1000)}`;
    const page = await renderPage(
      registerPage,
      pageRequest(`/webinars/${webinarId}/register`, { cookie: await sessionCookieFor(member.id), form: { "answer-q1": answer } }),
      { path: "/webinars/:id/register" },
    );
    expect(page.status).toBe(400);
    expect(page.html).toContain('<a href="#answer-q1-form-group">Your answer must be 1,000 characters or fewer</a>');
    expect(page.html).toContain('id="answer-q1-error"');
    expect(page.html).toContain(`>${answer.replace("'", "&#x27;")}</textarea>`);
    expect(await database.selectFrom("webinar_registrations").selectAll().execute()).toEqual([]);
  });
});
