import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { testClock } from "~/clock.server";
import * as calendarRoute from "~/routes/webinars.$id.calendar[.ics]";
import { cancelWebinar, updateWebinar } from "~/webinars/manage-webinars.server";
import { createAdmin, pageRequest, setUpDatabaseTests, testContext } from "../support/fixtures";
import { MEETING_URL, newWebinar, webinarInput } from "../support/webinars";

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
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="webinar-${id}.ics"`);
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

  it("answers 404 for a webinar that does not exist", async () => {
    const result = await calendarRoute.loader({ request: pageRequest("/webinars/999/calendar.ics"), params: { id: "999" }, context: testContext }).catch((thrown: unknown) => thrown);
    expect((result as Response).status).toBe(404);
  });
});
