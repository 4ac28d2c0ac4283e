import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testClock } from "~/clock.server";
import { db } from "~/db.server";
import { deliverDueEmails } from "~/mail/delivery.server";
import { createMailTransport, type MailTransport } from "~/mail/transport.server";
import * as calendarRoute from "~/routes/webinars.$id.calendar[.ics]";
import { cancelWebinar, updateWebinar } from "~/webinars/manage-webinars.server";
import { createAdmin, pageRequest, setUpDatabaseTests, testContext } from "../support/fixtures";
import { SmtpSink, type ReceivedMail } from "../support/smtp-sink";
import { approvedMember, MEETING_URL, newWebinar, webinarInput } from "../support/webinars";

/**
 * Calendar files checked with ical.js, a strict iCalendar parser that honours only the file's own
 * time zone definitions: the instants must be right on both sides of the clock changes.
 */
setUpDatabaseTests();

async function download(webinarId: number): Promise<{ response: Response; text: string }> {
  const response = (await calendarRoute.loader({ request: pageRequest(`/webinars/${webinarId}/calendar.ics`), params: { id: String(webinarId) }, context: testContext })) as Response;
  return { response, text: await response.text() };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue("method"),
    timezones: calendar.getAllSubcomponents("vtimezone").length,
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue("status"),
    summary: event.summary,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
  };
}

describe("the webinar calendar file", () => {
  it.each([
    ["2027-03-24", "2027-03-24T13:00:00.000Z"],
    ["2027-03-31", "2027-03-31T12:00:00.000Z"],
    ["2027-10-27", "2027-10-27T12:00:00.000Z"],
    ["2027-11-03", "2027-11-03T13:00:00.000Z"],
  ])("puts a 1pm UK-time webinar on %s at the right instant for a strict parser", async (date, instant) => {
    testClock.freeze("2027-03-01T09:00:00Z");
    const admin = await createAdmin();
    const id = await newWebinar(admin.id, { date });
    const { response, text } = await download(id);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/calendar/);
    // Named as the emails' attachment is, for the webinar's UK date.
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="spn-webinar-${date}.ics"`);
    const event = parse(text);
    expect(event).toMatchObject({ method: "PUBLISH", status: "CONFIRMED", start: instant, sequence: 0, summary: "Supporting carers" });
    expect(new Date(event.end).getTime() - new Date(event.start).getTime()).toBe(60 * 60_000);
    // UTC times: no time zone block is needed, and none is claimed.
    expect(event.timezones).toBe(0);
    expect(text).not.toMatch(/TZID/);
  });

  it("keeps its UID, raises SEQUENCE with each change, and cancels with METHOD:CANCEL; never holds the meeting link", async () => {
    testClock.freeze("2027-03-01T09:00:00Z");
    const admin = await createAdmin();
    const id = await newWebinar(admin.id);
    const first = parse((await download(id)).text);
    expect(first.uid).toBe(`webinar-${id}@localhost`);

    await updateWebinar(admin.id, id, webinarInput({ date: "2027-04-14" }));
    const moved = parse((await download(id)).text);
    expect(moved).toMatchObject({ uid: first.uid, sequence: 1, start: "2027-04-14T12:00:00.000Z" });

    // Changing only the number of places does not touch the calendar entry.
    await updateWebinar(admin.id, id, webinarInput({ date: "2027-04-14", capacity: 400 }));
    expect(parse((await download(id)).text).sequence).toBe(1);

    await cancelWebinar(admin.id, id, "The speaker is unwell.");
    const { response, text } = await download(id);
    expect(response.headers.get("Content-Type")).toContain("method=CANCEL");
    expect(parse(text)).toMatchObject({ uid: first.uid, method: "CANCEL", status: "CANCELLED", sequence: 2 });
    expect(text).toContain("The speaker is unwell.");
    for (const version of [text, (await download(id)).text]) expect(version).not.toContain(MEETING_URL);
  });

  it("folds lines at 75 octets (not characters) with CRLF, and escapes text so a strict parser reads it back exactly", async () => {
    testClock.freeze("2027-03-01T09:00:00Z");
    const admin = await createAdmin();
    const title = "Siân’s clinic; “commas, semicolons” and a back\\slash — ünïcödé, Croeso 😀";
    const description = "First line, with; specials \\ here.\nSecond line: Croeso i bawb — ’quotes’ 😀".repeat(4);
    const id = await newWebinar(admin.id, { title, description });
    const { text } = await download(id);

    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).not.toMatch(/[^\r]\n|\r(?!\n)/);
    const lines = text.slice(0, -2).split("\r\n");
    for (const line of lines) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    // No line is cut inside a UTF-8 character: each one is valid UTF-8 on its own.
    for (const line of lines) expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
    expect(text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(text).toContain("\\;");

    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevent = calendar.getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("summary")).toBe(title);
    expect(String(vevent.getFirstPropertyValue("description"))).toContain(description.trim());
    expect(vevent.getFirstPropertyValue("uid")).toBe(`webinar-${id}@localhost`);
  });

  it("answers 404 for a webinar that does not exist", async () => {
    const result = await calendarRoute.loader({ request: pageRequest("/webinars/999/calendar.ics"), params: { id: "999" }, context: testContext }).catch((thrown: unknown) => thrown);
    expect((result as Response).status).toBe(404);
  });
});

describe("the calendar file attached to webinar emails, as delivered over SMTP", () => {
  const sink = new SmtpSink();
  let transport: MailTransport;
  beforeAll(async () => {
    await sink.start();
    transport = createMailTransport(sink.url);
  });
  afterAll(async () => {
    transport.close();
    await sink.stop();
  });

  /** Delivers what is due and returns the one email of `template` to `to`, as the sink received it. */
  async function delivered(template: string, to: string): Promise<ReceivedMail> {
    const row = await db().selectFrom("outbox").select("message_id").where("template", "=", template).where("to_address", "=", to).orderBy("id", "desc").executeTakeFirstOrThrow();
    await deliverDueEmails(db(), transport);
    const mail = await sink.waitFor((m) => m.messageId === row.message_id);
    expect(sink.received.filter((m) => m.messageId === row.message_id)).toHaveLength(1);
    return mail;
  }

  /** The one attachment, checked as a calendar client would see it; its text. */
  function calendarAttachment(mail: ReceivedMail, method: "PUBLISH" | "CANCEL", date: string): string {
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment).toMatchObject({ filename: `spn-webinar-${date}.ics`, contentType: "text/calendar", params: { charset: "utf-8", method } });
    return Buffer.from(attachment!.base64, "base64").toString("utf8");
  }

  it("attaches to the approval email (also after a failed first try, with the same Message-ID) what calendar.ics serves; a move raises SEQUENCE, a cancellation says METHOD:CANCEL", async () => {
    testClock.freeze("2027-03-01T09:00:00Z");
    sink.received.length = 0;
    const admin = await createAdmin();
    const id = await newWebinar(admin.id);
    const { member } = await approvedMember(id, admin.id);

    // The mail server is down for the first try; the retry carries the same Message-ID and the same file.
    const port = sink.port;
    await sink.stop();
    expect((await deliverDueEmails(db(), transport)).retrying).toBeGreaterThan(0);
    await sink.start(port);
    testClock.advance(31_000);
    const approval = await delivered("webinar-registration-approved", member.email);
    const approvalRow = await db().selectFrom("outbox").select(["attempts", "message_id"]).where("template", "=", "webinar-registration-approved").executeTakeFirstOrThrow();
    expect(approvalRow).toEqual({ attempts: 2, message_id: approval.messageId });
    const approvalFile = calendarAttachment(approval, "PUBLISH", "2027-04-07");
    expect(approvalFile).toBe((await download(id)).text);
    expect(approvalFile).toMatch(/\r\nDTSTART:20270407T120000Z\r\n/);
    const approved = parse(approvalFile);
    expect(approved).toMatchObject({ method: "PUBLISH", uid: `webinar-${id}@localhost`, sequence: 0, start: "2027-04-07T12:00:00.000Z", timezones: 0 });
    // The link stays, for mail clients that strip attachments.
    expect(approval.text).toContain(`/webinars/${id}/calendar.ics`);
    expect(approvalFile).not.toContain(MEETING_URL);

    await updateWebinar(admin.id, id, webinarInput({ date: "2027-04-14" }));
    const movedFile = calendarAttachment(await delivered("webinar-time-changed", member.email), "PUBLISH", "2027-04-14");
    expect(movedFile).toBe((await download(id)).text);
    expect(parse(movedFile)).toMatchObject({ method: "PUBLISH", uid: approved.uid, sequence: 1, start: "2027-04-14T12:00:00.000Z" });

    await cancelWebinar(admin.id, id, "The speaker is unwell.");
    const cancellation = await delivered("webinar-cancelled", member.email);
    const cancelFile = calendarAttachment(cancellation, "CANCEL", "2027-04-14");
    expect(cancelFile).toBe((await download(id)).text);
    expect(parse(cancelFile)).toMatchObject({ method: "CANCEL", status: "CANCELLED", uid: approved.uid, sequence: 2, start: "2027-04-14T12:00:00.000Z" });
    expect(cancellation.text).toContain(`/webinars/${id}/calendar.ics`);
  });
});
