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
 * What people put between an NHS number's digits: spaces (several, or the non-breaking ones that come
 * with text pasted from a web page or a document), dashes of any kind and dots, up to three together.
 */
const SEPARATOR = "[\\s\\u2010-\\u2015.-]{0,3}";
const SEPARATORS = new RegExp(SEPARATOR.replace("{0,3}", ""), "g");

/**
 * Ten digits written together or with separators between them ("943 476 5919", "943-476-5919",
 * "943.476.5919", "9434765919"), not part of a longer number such as a phone number.
 */
const TEN_DIGITS = new RegExp(`(?<!\\d${SEPARATOR})\\d(?:${SEPARATOR}\\d){9}(?!${SEPARATOR}\\d)`, "g");

export function findNhsNumbers(text: string): string[] {
  return [...text.matchAll(TEN_DIGITS)].map((match) => match[0]).filter((candidate) => isValidNhsNumber(candidate.replace(SEPARATORS, "")));
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_NAME = `(?:${MONTHS.map((month) => `${month.slice(0, 3)}(?:${month.slice(3)})?`).join("|")})\\.?`;
const DAY = "(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?";
const YEAR = "(?:19|20)\\d{2}";
const NUMERIC_MONTH = "(?:0?[1-9]|1[0-2])";

/** Full dates (day, month and year) as people write them. */
const FULL_DATE = new RegExp(
  [
    `\\b${DAY}([/.-])${NUMERIC_MONTH}\\1(?:${YEAR}|\\d{2})\\b`, // 03/04/1987, 3-4-1987, 03.04.1987, 03/04/87
    `\\b${DAY} ${NUMERIC_MONTH} ${YEAR}\\b`, // 03 04 1987
    `\\b${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])\\b`, // 1987-04-03
    `\\b${DAY}\\s+(?:of\\s+)?${MONTH_NAME},?\\s+${YEAR}\\b`, // 3 April 1987, 3rd of Apr 1987
    `\\b${MONTH_NAME}\\s+${DAY},?\\s+${YEAR}\\b`, // April 3, 1987
  ].join("|"),
  "gi",
);

/** Words that say a date is someone's birthday. */
const BIRTH_WORDS = /\b(?:d\.?o\.?b\.?|date of birth|born|birthday|birth date)\b/i;

/**
 * A word written as a name: a capital letter, then letters of any alphabet, with apostrophes, hyphens
 * and inner capitals ("Siân", "Zoë", "O'Neil", "McDonald", "Smith-Jones"), or all in capitals ("SMITH").
 * Letters are matched as Unicode letters, because `\b` and `[a-z]` know only English ones.
 */
const NAME = "\\p{Lu}[\\p{L}'’-]*\\p{L}";
const WORD_START = "(?<!\\p{L})";
const WORD_END = "(?!\\p{L})";

/** A title and a surname ("Mrs Jones"), or two words written as names ("Jane Smith"). */
const TITLE_NAME = new RegExp(`${WORD_START}(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master)\\.?\\s+${NAME}${WORD_END}`, "u");
const TWO_NAMES = new RegExp(`${WORD_START}(${NAME})\\s+(${NAME})${WORD_END}`, "gu");
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
    const beforeThisYear = yearOf(match[0], now) < now.getUTCFullYear();
    if (BIRTH_WORDS.test(around) || (beforeThisYear && hasName(around.replace(match[0], " ")))) found.push(match[0]);
  }
  return found;
}

/**
 * A matched date's year. A two-digit year is taken to be in this century unless that is more than ten
 * years ahead: "87" is 1987, "05" 2005, and "27" 2027, a date people write for an event coming up.
 */
function yearOf(date: string, now: Date): number {
  const full = /(?:19|20)\d{2}/.exec(date);
  if (full) return Number(full[0]);
  const thisYear = now.getUTCFullYear();
  const inThisCentury = thisYear - (thisYear % 100) + Number(date.slice(-2));
  return inThisCentury > thisYear + 10 ? inThisCentury - 100 : inThisCentury;
}

/** What the guard would hold a post for (empty: publish it). */
export function checkForPatientData(text: string, now: Date): GuardFlag[] {
  const flags: GuardFlag[] = [];
  if (findNhsNumbers(text).length > 0) flags.push("nhs-number");
  if (findDatesOfBirth(text, now).length > 0) flags.push("date-of-birth");
  return flags;
}
