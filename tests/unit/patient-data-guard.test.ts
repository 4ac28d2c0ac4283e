import { describe, expect, it } from "vitest";
import { checkForPatientData, findDatesOfBirth, findNhsNumbers, isValidNhsNumber } from "~/workspaces/patient-data-guard";

const NOW = new Date("2026-12-01T10:00:00Z");

/** The check digit the modulus-11 rule gives for nine digits (10 means none is valid). */
function checkDigit(nine: string): number {
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check;
}

describe("the NHS number check digit", () => {
  it.each(["9434765919", "4010232137", "9990000018", "0000000000"])("accepts %s", (number) => {
    expect(isValidNhsNumber(number)).toBe(true);
  });

  it("rejects every wrong last digit", () => {
    for (const nine of ["943476591", "401023213", "123456788"]) {
      const right = checkDigit(nine);
      for (let digit = 0; digit <= 9; digit++) {
        if (digit !== right) expect(isValidNhsNumber(`${nine}${digit}`), `${nine}${digit}`).toBe(false);
      }
    }
  });

  it("rejects numbers whose check digit would be 10", () => {
    // 1234567890's first nine digits give 11 - (sum % 11) = 10: no valid NHS number starts this way.
    expect(checkDigit("123456789")).toBe(10);
    for (let digit = 0; digit <= 9; digit++) expect(isValidNhsNumber(`123456789${digit}`)).toBe(false);
  });
});

describe("NHS numbers in a post", () => {
  it.each([
    ["unspaced", "Patient 9434765919 was referred"],
    ["spaced 3-3-4", "NHS no 943 476 5919 please call"],
    ["dashed", "ref 943-476-5919."],
    ["at the start", "9434765919"],
    ["spaced unevenly", "94 34 76 59 19"],
    ["with double spaces", "NHS 943  476  5919"],
    ["with non-breaking spaces, as pasted from a web page", "NHS 943\u00a0476\u00a05919"],
    ["with spaced en dashes", "943 – 476 – 5919"],
    ["with dots", "943.476.5919"],
  ])("flags a valid one written %s", (_how, text) => {
    expect(findNhsNumbers(text)).toHaveLength(1);
    expect(checkForPatientData(text, NOW)).toContain("nhs-number");
  });

  it.each([
    ["unspaced", "Order 9434765918 arrived"],
    ["spaced", "943 476 5910"],
    ["dashed", "943-476-5912"],
    ["with non-breaking spaces", "943\u00a0476\u00a05910"],
  ])("does not flag one with an invalid check digit, written %s", (_how, text) => {
    expect(findNhsNumbers(text)).toEqual([]);
    expect(checkForPatientData(text, NOW)).toEqual([]);
  });

  it("does not flag valid digits inside a longer number, such as a phone number", () => {
    expect(findNhsNumbers("Call 09434765919 or 94347659190")).toEqual([]);
    expect(findNhsNumbers("Call 0 943 476 5919 1")).toEqual([]);
    expect(findNhsNumbers("Call 0\u00a0943\u00a0476\u00a05919")).toEqual([]);
  });
});

describe("dates of birth next to a name", () => {
  it.each([
    "Jane Smith, 03/04/1987, lives alone",
    "Mrs Jones (12 March 1950) needs help with shopping",
    "DOB 1987-04-03",
    "born 3rd April 2019 to a first-time mum",
    "Ahmed Khan date of birth: April 3, 1987",
    "Saw Siân Hughes today, DOB 03/04/87",
    "Siân Hughes 03/04/1987",
    "Zoë Smith, 3 April 1987",
    "Jane McDonald 03/04/1987",
    "JANE SMITH 03/04/1987",
    "Jane Smith 03 04 1987",
    "Jane Smith, 03/04/87",
    "Seán O'Neil 3.4.1987",
  ])("flags %s", (text) => {
    expect(findDatesOfBirth(text, NOW)).toHaveLength(1);
    expect(checkForPatientData(text, NOW)).toContain("date-of-birth");
  });

  it.each([
    "The next webinar is on 12 March 2027 with Priya Shah",
    "Our service started on 03/04/1987",
    "Meet Jane Smith in March",
    "See the 2024 report by Jane Smith",
    "Jane Smith will speak on 03/04/27",
    "Version 1.2.3 of the guide",
    "Our charity in Leeds began on 3 April 1987",
  ])("does not flag %s", (text) => {
    expect(findDatesOfBirth(text, NOW)).toEqual([]);
  });
});
