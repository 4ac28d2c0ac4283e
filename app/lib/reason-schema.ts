import { z } from "zod";
import { plainText } from "./plain-text";

/**
 * A written reason for a staff or moderator decision that is emailed to the person it is about
 * (declining, removing, hiding …). `what` completes "Enter the reason for …". Shared by browser and server.
 */
export function reasonSchema(what: string, options: { max?: number } = {}) {
  const max = options.max ?? 1000;
  return z.object({
    reason: plainText({ error: `Enter the reason for ${what}`, multiline: true })
      .trim()
      .min(1, `Enter the reason for ${what}`)
      .max(max, `Reason must be ${max.toLocaleString("en-GB")} characters or fewer`),
  });
}
