import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "~/webinars/registrations-csv.server";
import { fromUkLocal, ukDate, ukLocalInstant, ukTimeOfDay } from "~/ui/dates";
import { addDaysToDate, formatDuration, formatUkClock, formatWebinarWhen, joiningLinksSendAt, joinOpensAt } from "~/webinars/times";
import { newWebinarSchema, parseClockTime, parseDateParts, webinarSchema } from "~/webinars/webinar-form-schema";

describe("webinar times in UK time", () => {
  it("shows the date and time as people read them, GMT in winter and BST in summer", () => {
    expect(formatWebinarWhen("2027-04-07T12:00:00Z", "2027-04-07T13:00:00Z")).toBe("Wednesday 7 April 2027, 1pm to 2pm");
    expect(formatWebinarWhen("2027-01-06T13:00:00Z", "2027-01-06T14:30:00Z")).toBe("Wednesday 6 January 2027, 1pm to 2:30pm");
    expect(formatWebinarWhen("2027-06-02T11:00:00Z", "2027-06-02T11:45:00Z")).toBe("Wednesday 2 June 2027, midday to 12:45pm");
    expect(formatWebinarWhen("2027-06-02T22:30:00Z", "2027-06-03T00:30:00Z")).toBe("Wednesday 2 June 2027, 11:30pm to Thursday 3 June 2027, 1:30am");
    expect(formatUkClock("2027-01-06T00:00:00Z")).toBe("midnight");
    expect(formatDuration(60)).toBe("1 hour");
    expect(formatDuration(90)).toBe("1 hour 30 minutes");
    expect(formatDuration(45)).toBe("45 minutes");
    expect(formatDuration(120)).toBe("2 hours");
  });

  it("reads a UK date and time as the right instant on both sides of each clock change", () => {
    // Clocks go forward at 01:00 UTC on 28 March 2027 and back at 01:00 UTC on 31 October 2027.
    expect(fromUkLocal("2027-03-24", "13:00")?.toISOString()).toBe("2027-03-24T13:00:00.000Z");
    expect(fromUkLocal("2027-03-31", "13:00")?.toISOString()).toBe("2027-03-31T12:00:00.000Z");
    expect(fromUkLocal("2027-10-27", "13:00")?.toISOString()).toBe("2027-10-27T12:00:00.000Z");
    expect(fromUkLocal("2027-11-03", "13:00")?.toISOString()).toBe("2027-11-03T13:00:00.000Z");
    expect(fromUkLocal("2027-03-28", "00:59")?.toISOString()).toBe("2027-03-28T00:59:00.000Z");
    expect(fromUkLocal("2027-03-28", "02:00")?.toISOString()).toBe("2027-03-28T01:00:00.000Z");
  });

  it("refuses a time the clocks skip, and dates that do not exist", () => {
    expect(fromUkLocal("2027-03-28", "01:30")).toBeNull();
    expect(fromUkLocal("2027-02-30", "13:00")).toBeNull();
    expect(fromUkLocal("2027-13-01", "13:00")).toBeNull();
    // An hour that happens twice is read as the second (GMT) one.
    expect(fromUkLocal("2027-10-31", "01:30")?.toISOString()).toBe("2027-10-31T01:30:00.000Z");
    // Occurrences a series makes by itself never fail: a skipped time comes out an hour later.
    expect(ukLocalInstant("2027-03-28", "01:30").toISOString()).toBe("2027-03-28T01:30:00.000Z");
  });

  it("turns instants back into the UK date and time staff typed", () => {
    expect(ukDate("2027-04-06T23:30:00Z")).toBe("2027-04-07");
    expect(ukTimeOfDay("2027-04-07T12:00:00Z")).toBe("13:00");
    expect(ukTimeOfDay("2027-01-06T13:00:00Z")).toBe("13:00");
    expect(addDaysToDate("2027-03-17", 14)).toBe("2027-03-31");
    expect(addDaysToDate("2027-12-22", 14)).toBe("2028-01-05");
  });

  it("sends joining links at 10:00 UK time on the day, or an hour before an earlier start", () => {
    expect(joiningLinksSendAt("2027-04-07T12:00:00Z").toISOString()).toBe("2027-04-07T09:00:00.000Z");
    expect(joiningLinksSendAt("2027-01-06T13:00:00Z").toISOString()).toBe("2027-01-06T10:00:00.000Z");
    expect(joiningLinksSendAt("2027-03-24T13:00:00Z").toISOString()).toBe("2027-03-24T10:00:00.000Z");
    expect(joiningLinksSendAt("2027-03-31T12:00:00Z").toISOString()).toBe("2027-03-31T09:00:00.000Z");
    expect(joiningLinksSendAt("2027-10-27T12:00:00Z").toISOString()).toBe("2027-10-27T09:00:00.000Z");
    expect(joiningLinksSendAt("2027-11-03T13:00:00Z").toISOString()).toBe("2027-11-03T10:00:00.000Z");
    // 10:30 BST start: an hour before, at 09:30 BST.
    expect(joiningLinksSendAt("2027-04-07T09:30:00Z").toISOString()).toBe("2027-04-07T08:30:00.000Z");
    expect(joinOpensAt("2027-04-07T12:00:00Z").toISOString()).toBe("2027-04-07T11:30:00.000Z");
  });
});

describe("the staff webinar form", () => {
  it("reads times as staff type them", () => {
    expect(parseClockTime("13:00")).toBe("13:00");
    expect(parseClockTime("1pm")).toBe("13:00");
    expect(parseClockTime("1.30 pm")).toBe("13:30");
    expect(parseClockTime("12am")).toBe("00:00");
    expect(parseClockTime("12pm")).toBe("12:00");
    expect(parseClockTime("9:05")).toBe("09:05");
    for (const bad of ["13", "25:00", "13:60", "13pm", "noon", ""]) expect(parseClockTime(bad), bad).toBeUndefined();
  });

  it("checks the date boxes with NHS-style messages", () => {
    expect(parseDateParts("7", "4", "2027")).toEqual({ date: "2027-04-07" });
    expect(parseDateParts()).toEqual({ error: "Enter the date" });
    expect(parseDateParts("7", undefined, undefined)).toEqual({ error: "Date must include a month and year" });
    expect(parseDateParts("31", "4", "2027")).toEqual({ error: "Date must be a real date" });
    expect(parseDateParts("7", "4", "27")).toEqual({ error: "Year must include 4 numbers, like 2027" });
  });

  const form = {
    kind: "single",
    title: " Supporting carers ",
    description: "About carers.",
    day: "7",
    month: "4",
    year: "2027",
    startTime: "1pm",
    durationMinutes: "60",
    capacity: "300",
    meetingUrl: "https://meet.example.org/abc",
    registrationOpen: "on",
    question2: "What would you like covered?",
  };

  it("gives a complete webinar with its questions, or errors by the fields", () => {
    const parsed = newWebinarSchema.safeParse(form);
    expect(parsed.success && parsed.data).toMatchObject({
      kind: "single",
      title: "Supporting carers",
      date: "2027-04-07",
      startTime: "13:00",
      registrationOpen: true,
      questions: [{ id: "q2", label: "What would you like covered?" }],
    });
    const bad = newWebinarSchema.safeParse({ ...form, meetingUrl: "http://meet.example.org", day: "", startTime: "soon", capacity: "0" });
    expect(bad.success).toBe(false);
    const paths = bad.success ? [] : bad.error.issues.map((issue) => issue.path.join("."));
    expect(paths.sort()).toEqual(["capacity", "date", "meetingUrl", "startTime"]);
  });

  it("shows every error of a blank form at once, the date's and time's too", () => {
    const blank = new FormData();
    for (const name of Object.keys(form)) blank.set(name, "");
    const submission = parseWithZod(blank, { schema: newWebinarSchema });
    expect(submission.status).toBe("error");
    expect(Object.keys(submission.reply().error ?? {}).sort()).toEqual(
      ["capacity", "date", "description", "durationMinutes", "kind", "meetingUrl", "startTime", "title"].sort(),
    );
    expect(submission.reply().error?.date).toEqual(["Enter the date"]);
    const untitled = new FormData();
    for (const [name, value] of Object.entries({ ...form, title: "", day: "31", month: "2", startTime: "soon" })) untitled.set(name, value);
    expect(Object.keys(parseWithZod(untitled, { schema: webinarSchema }).reply().error ?? {}).sort()).toEqual(["date", "startTime", "title"]);
  });

  it("keeps a meeting link as browsers send it, so letters like ł or a pasted … fit in a header", () => {
    const link = (meetingUrl: string) => {
      const parsed = webinarSchema.safeParse({ ...form, meetingUrl });
      return parsed.success ? parsed.data.meetingUrl : parsed.error.issues;
    };
    expect(link(" https://teams.example/spotkanie/łódź ")).toBe("https://teams.example/spotkanie/%C5%82%C3%B3d%C5%BA");
    expect(link("https://zoom.example/j/123”…")).toBe("https://zoom.example/j/123%E2%80%9D%E2%80%A6");
    expect(link("https://spotkanie.łódź.example/a")).toBe("https://spotkanie.xn--d-uga0v4h.example/a");
    expect(link("https://meet.example.org/abc?pwd=x1")).toBe("https://meet.example.org/abc?pwd=x1");
  });
});

describe("CSV export", () => {
  it("keeps spreadsheet formulas from running and quotes every cell", () => {
    expect(csvCell("=HYPERLINK(\"http://evil.example\")")).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csvCell("+44 1234")).toBe(`"'+44 1234"`);
    expect(csvCell("-1")).toBe(`"'-1"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\t=1")).toBe(`"'\t=1"`);
    expect(csvCell("Sam Carter")).toBe(`"Sam Carter"`);
    expect(csvCell(3)).toBe(`"3"`);
    expect(csvCell(null)).toBe(`""`);
    expect(toCsv([["a", "b"], ["c", "d"]])).toBe(`\uFEFF"a","b"\r\n"c","d"\r\n`);
  });
});
