import { createHash } from "node:crypto";
import { randomToken } from "~/auth/tokens.server";
import { nowIso } from "~/clock.server";
import { config } from "~/config.server";
import { oneClickHeader } from "./one-click-unsubscribe";

/**
 * What every list email's per-copy unsubscribe link shares (the bulletin's; webinar and event emails'):
 * a random token (160 bits, `randomToken()`) of which only this hash is stored. Unkeyed SHA-256: with 160
 * random bits there is nothing to guess, and unlike the keyed hashes used for short codes, links in old
 * emails keep working if SESSION_SECRET is changed.
 */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A link's stored row: only the token's hash, whose link it is, and when it was made. */
export interface LinkTokenRow {
  token_hash: string;
  user_id: number;
  created_at: string;
}

/**
 * New links for `userIds` (one each, in the same order): `store` saves each batch of rows (a feature's
 * own table, through the caller's transaction where there is one). 200 rows a batch stay well inside
 * SQLite's limit on bound values.
 */
export async function newLinkTokens(userIds: readonly number[], store: (rows: LinkTokenRow[]) => Promise<unknown>): Promise<string[]> {
  const tokens = userIds.map(() => randomToken());
  const createdAt = nowIso();
  for (let start = 0; start < userIds.length; start += 200) {
    await store(userIds.slice(start, start + 200).map((userId, i) => ({ token_hash: hashLinkToken(tokens[start + i]!), user_id: userId, created_at: createdAt })));
  }
  return tokens;
}

/**
 * The headers a copy carries (RFC 2369 and RFC 8058): its one-click HTTPS address first, then a mailto the
 * network team reads, and the One-Click marker where RFC 8058 allows it.
 */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>, <mailto:${config().contactEmail}?subject=unsubscribe>`, ...oneClickHeader(url) };
}

/**
 * The address as the unsubscribe page shows it: enough for someone with two addresses to tell which
 * (the start and the domain), not the whole of it to whoever a copy was forwarded to.
 */
export function maskedAddress(email: string): string {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, local.length - 1))}…${email.slice(at)}`;
}
