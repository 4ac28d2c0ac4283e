import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { config } from "~/config.server";

/** A random, URL-safe string with `bytes` of entropy (default 160 bits). */
export function randomToken(bytes = 20): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** What `randomToken()` makes with its default 160 bits: 32 characters of lower-case base32. */
export const RANDOM_TOKEN = /^[a-z2-7]{32}$/;

/** A random 6-digit code, e.g. "042917". */
export function randomCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/**
 * Keyed hash (HMAC-SHA-256 with SESSION_SECRET) of a secret, as hex. Keyed so that a copy of the
 * database alone cannot be used to recover short secrets such as 6-digit codes.
 */
export function hashSecret(secret: string): string {
  return createHmac("sha256", config().sessionSecret).update(secret).digest("hex");
}

/** Compares two hex hashes in constant time. */
export function hashesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
