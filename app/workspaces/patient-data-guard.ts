/**
 * The patient-data guard. Workspaces are not for patient information, so a post that contains
 * something shaped like an NHS number, or a full date of birth next to a name, is held before it is
 * published: the author edits it out or confirms it is not patient data. It is a prompt, not a
 * filter: it catches slips, and the author's confirmation is recorded.
 */

export type GuardFlag = "nhs-number" | "date-of-birth";

export const GUARD_FLAG_LABELS: Record<GuardFlag, string> = {
  "nhs-number": "a number that looks like an NHS number",
  "date-of-birth": "a date of birth next to a name",
};

/**
 * Whether 10 digits pass the NHS number check: weights 10 down to 2 on the first nine digits, and
 * 11 minus the remainder of their sum divided by 11 is the tenth digit (11 counts as 0; 10 means no
 * valid number has these first nine digits).
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/**
 * Ten digits written together or with single spaces or dashes between them ("943 476 5919",
 * "943-476-5919", "9434765919"), not part of a longer number such as a phone number.
 */
const TEN_DIGITS = /(?<!\d[ -]?)\d(?:[ -]?\d){9}(?![ -]?\d)/g;

export function findNhsNumbers(text: string): string[] {
  return [...text.matchAll(TEN_DIGITS)].map((match) => match[0]).filter((candidate) => isValidNhsNumber(candidate.replace(/[ -]/g, "")));
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_NAME = `(?:${MONTHS.map((month) => `${month.slice(0, 3)}(?:${month.slice(3)})?`).join("|")})\\.?`;
const DAY = "(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?";
const YEAR = "(?:19|20)\\d{2}";

/** Full dates (day, month and year) as people write them. */
const FULL_DATE = new RegExp(
  [
    `\\b${DAY}[/.-](?:0?[1-9]|1[0-2])[/.-]${YEAR}\\b`, // 03/04/1987, 3-4-1987, 03.04.1987
    `\\b${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])\\b`, // 1987-04-03
    `\\b${DAY}\\s+(?:of\\s+)?${MONTH_NAME},?\\s+${YEAR}\\b`, // 3 April 1987, 3rd of Apr 1987
    `\\b${MONTH_NAME}\\s+${DAY},?\\s+${YEAR}\\b`, // April 3, 1987
  ].join("|"),
  "gi",
);

/** Words that say a date is someone's birthday. */
const BIRTH_WORDS = /\b(?:d\.?o\.?b\.?|date of birth|born|birthday|birth date)\b/i;

/** A title and a surname ("Mrs Jones"), or two capitalised words ("Jane Smith"). */
const TITLE_NAME = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master)\.?\s+[A-Z][a-z'-]+/;
const TWO_NAMES = /\b([A-Z][a-z'-]+)\s+([A-Z][a-z'-]+)\b/g;
const NOT_NAMES = new Set([
  ...MONTHS,
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "the", "a", "an", "on", "in", "at", "for", "and", "our", "my", "we", "she", "he", "they", "his", "her", "their", "this", "that", "nhs", "gp", "pcn", "icb",
]);

function hasName(text: string): boolean {
  if (TITLE_NAME.test(text)) return true;
  for (const match of text.matchAll(TWO_NAMES)) {
    const [first, second] = [match[1] ?? "", match[2] ?? ""];
    if (!NOT_NAMES.has(first.toLowerCase()) && !NOT_NAMES.has(second.toLowerCase())) return true;
  }
  return false;
}

/** How far either side of a date a name or a word like "born" counts as next to it. */
const NEARBY = 40;

/**
 * Full dates next to a name, or next to a word such as "DOB" or "born". A date next to a name alone
 * is only counted when it is in an earlier year than `now`: this year's and later dates next to a
 * name are nearly always events ("Priya Shah's webinar on 12 March").
 */
export function findDatesOfBirth(text: string, now: Date): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(FULL_DATE)) {
    const start = match.index ?? 0;
    const around = text.slice(Math.max(0, start - NEARBY), start + match[0].length + NEARBY);
    const year = Number(/(?:19|20)\d{2}/.exec(match[0])?.[0]);
    const beforeThisYear = year < now.getUTCFullYear();
    if (BIRTH_WORDS.test(around) || (beforeThisYear && hasName(around.replace(match[0], " ")))) found.push(match[0]);
  }
  return found;
}

/** What the guard would hold a post for (empty: publish it). */
export function checkForPatientData(text: string, now: Date): GuardFlag[] {
  const flags: GuardFlag[] = [];
  if (findNhsNumbers(text).length > 0) flags.push("nhs-number");
  if (findDatesOfBirth(text, now).length > 0) flags.push("date-of-birth");
  return flags;
}
