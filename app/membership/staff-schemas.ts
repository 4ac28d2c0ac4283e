import { z } from "zod";
import { plainText } from "~/lib/plain-text";

/** Validation for the staff tools' forms; shared by the browser and the server. */

/** A bare domain such as example.org.uk: labels of letters, digits and inner hyphens, ending in a letters-only top level. */
const DOMAIN_PATTERN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const domainSchema = z
  .string({ error: "Enter a domain" })
  .trim()
  .toLowerCase()
  // "@example.org.uk", copied from an address, means the domain after it.
  .overwrite((value) => value.replace(/^@\s*/, ""))
  .min(1, { error: "Enter a domain", abort: true })
  .refine((value) => !value.includes("@"), "Enter the part after the @ only, like example.org.uk")
  .refine((value) => !/^[a-z]+:\/\//.test(value) && !value.includes("/"), "Enter the domain only, without https:// or a path")
  .refine((value) => value.includes("@") || value.includes("/") || DOMAIN_PATTERN.test(value), "Enter a domain like example.org.uk");

export const domainOverrideSchema = z.object({
  domain: domainSchema,
  policy: z.enum(["allow", "refuse"], { error: "Select whether to always allow or always refuse this domain" }),
  note: plainText({ multiline: true }).trim().max(500, "Note must be 500 characters or fewer").optional(),
});

export type DomainOverrideInput = z.infer<typeof domainOverrideSchema>;
