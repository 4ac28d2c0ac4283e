import { createHmac, timingSafeEqual } from "node:crypto";
import { config } from "~/config.server";
import { UNSUBSCRIBE_TOKEN } from "./http-rules";

/**
 * A member's unsubscribe token: their id and an HMAC of it under SESSION_SECRET, so nothing secret is
 * stored and every bulletin they were ever sent keeps a working link. It can only stop (or restart) the
 * bulletin, which is what a forwarded copy's reader could do anyway.
 */
const PURPOSE = "bulletin-unsubscribe:";

function signature(userId: number): string {
  return createHmac("sha256", config().sessionSecret).update(`${PURPOSE}${userId}`).digest("hex").slice(0, 32);
}

export function unsubscribeToken(userId: number): string {
  return `${userId}-${signature(userId)}`;
}

/** The member id a token was made for, or undefined for anything altered, truncated or made elsewhere. */
export function readUnsubscribeToken(token: string): number | undefined {
  if (!UNSUBSCRIBE_TOKEN.test(token)) return undefined;
  const [idPart, given] = token.split("-") as [string, string];
  const userId = Number(idPart);
  if (!Number.isSafeInteger(userId)) return undefined;
  const expected = Buffer.from(signature(userId), "hex");
  const actual = Buffer.from(given, "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? userId : undefined;
}

export function unsubscribeUrl(userId: number): string {
  return `${config().appUrl.origin}/unsubscribe/${unsubscribeToken(userId)}`;
}

/**
 * The headers every copy carries (RFC 2369 and RFC 8058): the one-click HTTPS address first, then a
 * mailto the network team reads, and the One-Click marker that tells mail providers a POST will do.
 */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${url}>, <mailto:${config().contactEmail}?subject=unsubscribe>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
