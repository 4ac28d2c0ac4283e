import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { RANDOM_TOKEN } from "~/auth/tokens.server";
import { config } from "~/config.server";
import { hashLinkToken, newLinkTokens } from "~/mail/unsubscribe-links.server";

/**
 * The unsubscribe link in each copy: a random token (160 bits) made for that copy, of which only a hash
 * is stored, so the link says nothing about who it is for and the database cannot rebuild it. Every
 * copy ever sent keeps a working link. It can only stop (or restart) the bulletin, which is what a
 * forwarded copy's reader could do anyway.
 */

/**
 * New links for `userIds` (one each, in the same order) for copies of `bulletinId`, stored hashed
 * through `executor` (the caller's transaction where there is one).
 */
export function newUnsubscribeTokens(executor: Kysely<DB>, bulletinId: number, userIds: readonly number[]): Promise<string[]> {
  return newLinkTokens(userIds, (rows) =>
    executor
      .insertInto("bulletin_unsubscribe_tokens")
      .values(rows.map((row) => ({ ...row, bulletin_id: bulletinId })))
      .execute(),
  );
}

/** The member a link was made for, or undefined for anything altered, cut short or made elsewhere. */
export async function unsubscribeTokenOwner(executor: Kysely<DB>, token: string): Promise<number | undefined> {
  if (!RANDOM_TOKEN.test(token)) return undefined;
  const row = await executor
    .selectFrom("bulletin_unsubscribe_tokens")
    .select("user_id")
    .where("token_hash", "=", hashLinkToken(token))
    .executeTakeFirst();
  return row?.user_id;
}

export function unsubscribeUrl(token: string): string {
  return `${config().appUrl.origin}/unsubscribe/${token}`;
}
