import { z } from "zod";

/**
 * The email address field shared by the joining, sign-in and change-of-email forms (browser and
 * server). Trimmed and lower-cased, so it matches `normaliseEmail`.
 */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_LOCAL_PART_LENGTH = 64;

const emailFormat = z.email();

/** Why an address cannot be used as typed, or null when its format is fine. */
export function emailFormatProblem(address: string): string | null {
  if (address.length === 0) return "Enter your email address";
  if (address.length > MAX_EMAIL_LENGTH) return `Email address must be ${MAX_EMAIL_LENGTH} characters or fewer`;
  const at = address.lastIndexOf("@");
  if (at > MAX_LOCAL_PART_LENGTH) {
    return `The part of the email address before the @ must be ${MAX_LOCAL_PART_LENGTH} characters or fewer`;
  }
  if (/\s/.test(address)) return "Email address must not contain spaces";
  if (!emailFormat.safeParse(address).success) return "Enter an email address in the correct format, like name@nhs.net";
  return null;
}

export const emailAddressField = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .superRefine((address, ctx) => {
    const problem = emailFormatProblem(address);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
