import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { formatUkDateTime, formatUkDay, ukDate, ukTimeOfDay } from "~/ui/dates";

describe("UK dates", () => {
  it("shows GMT and BST wall-clock times, either side of the clock changes", () => {
    expect(formatUkDateTime("2027-03-28T00:59:00Z")).toBe("28 March 2027 at 12:59am");
    expect(formatUkDateTime("2027-03-28T01:00:00Z")).toBe("28 March 2027 at 2:00am");
    expect(formatUkDateTime("2027-10-31T00:30:00Z")).toBe("31 October 2027 at 1:30am");
    expect(formatUkDateTime("2027-10-31T01:30:00Z")).toBe("31 October 2027 at 1:30am");
    expect(formatUkDateTime("2026-11-25T10:00:00Z")).toBe("25 November 2026 at 10:00am");
    expect(formatUkDateTime("2026-06-30T23:05:00Z")).toBe("1 July 2026 at 12:05am");
    expect(formatUkDateTime("2026-06-30T11:59:00Z")).toBe("30 June 2026 at 12:59pm");
    expect(formatUkDay("2026-12-31T23:59:59Z")).toBe("31 December 2026");
    expect(formatUkDay("2026-07-31T23:30:00Z")).toBe("1 August 2026");
  });

  it("prints what date-fns with a zoned date printed, for every seventh hour of a year (each hour of the day, every day of the week)", () => {
    const start = Date.UTC(2026, 0, 1);
    for (let hour = 0; hour < 366 * 24; hour += 7) {
      const at = new Date(start + hour * 3_600_000 + 17 * 60_000);
      const zoned = new TZDate(at.getTime(), "Europe/London");
      expect(formatUkDateTime(at)).toBe(format(zoned, "d MMMM yyyy 'at' h:mmaaa"));
      expect(formatUkDay(at.toISOString())).toBe(format(zoned, "d MMMM yyyy"));
      expect(`${ukDate(at)} ${ukTimeOfDay(at)}`).toBe(format(zoned, "yyyy-MM-dd HH:mm"));
    }
  });

  it("gives every minute around both clock changes its own UK time, whatever order they are asked in", () => {
    for (const change of [Date.UTC(2027, 2, 28, 1), Date.UTC(2027, 9, 31, 1)]) {
      const minutes = Array.from({ length: 240 }, (_, index) => change - 2 * 3_600_000 + index * 60_000).reverse();
      for (const at of minutes) {
        expect(formatUkDateTime(new Date(at))).toBe(format(new TZDate(at, "Europe/London"), "d MMMM yyyy 'at' h:mmaaa"));
      }
    }
  });

  it("refuses a date that is not one, as it always has", () => {
    expect(() => formatUkDay("not a date")).toThrow(RangeError);
  });
});
