import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB, EmailChallenge, User } from "#db/schema";
import { now } from "~/clock.server";
import { config } from "~/config.server";
import { findUserById } from "~/auth/users.server";
import { hashesMatch, hashSecret, randomCode, randomToken } from "~/auth/tokens.server";

/**
 * One-time proofs that someone controls an email address: an emailed link (public id + secret
 * token) and a 6-digit code, either of which completes it once. Only keyed hashes are stored.
 * Opening the link (GET) only shows a page whose button submits; nothing here runs on a GET.
 */
export const CHALLENGE_LIFETIME_MS = 30 * 60_000;
/** Wrong codes allowed before a challenge is dead: 5 guesses in a million. */
export const MAX_CODE_ATTEMPTS = 5;

export type ChallengePurpose = EmailChallenge["purpose"];

/**
 * The details a joiner typed, kept with the verification they were sent, so that someone else joining
 * with the same unconfirmed address cannot replace them: whichever link is confirmed decides.
 */
const joinDetailsSchema = z.object({
  full_name: z.string(),
  organisation: z.string(),
  job_role: z.string(),
  region: z.string(),
  icb_pcn: z.string().nullable(),
  workspace_interests_json: z.string(),
  bulletin_opt_in: z.union([z.literal(0), z.literal(1)]),
  events_opt_in: z.union([z.literal(0), z.literal(1)]),
});
export type JoinDetails = z.infer<typeof joinDetailsSchema>;

/**
 * What a challenge remembers besides its address: what the person asked for (so the check-your-email
 * page can describe the email they were sent), where to go after signing in, which session to keep on a
 * change of address, or a joiner's details.
 */
const challengeDataSchema = z.object({
  asked: z.enum(["join", "sign-in"]).optional(),
  redirectTo: z.string().optional(),
  keepSessionId: z.string().optional(),
  joinDetails: joinDetailsSchema.optional(),
});
export type ChallengeData = z.infer<typeof challengeDataSchema>;

/** The challenge's data, parsed; anything unreadable counts as none. */
export function challengeData(challenge: Pick<EmailChallenge, "data_json">): ChallengeData {
  try {
    return challengeDataSchema.catch({}).parse(JSON.parse(challenge.data_json));
  } catch {
    return {};
  }
}

export interface IssuedChallenge {
  publicId: string;
  /** The link to put in the email; it opens a confirmation page, it does not confirm by itself. */
  link: string;
  code: string;
}

export async function createChallenge(
  trx: Kysely<DB>,
  request: { purpose: ChallengePurpose; email: string; userId: number | null; data?: ChallengeData },
): Promise<IssuedChallenge> {
  const publicId = randomToken(15);
  const token = randomToken(20);
  const code = randomCode();
  const at = now();
  await trx
    .insertInto("email_challenges")
    .values({
      public_id: publicId,
      purpose: request.purpose,
      email: request.email,
      user_id: request.userId,
      token_hash: hashSecret(token),
      code_hash: hashSecret(code),
      data_json: JSON.stringify(request.data ?? {}),
      expires_at: new Date(at.getTime() + CHALLENGE_LIFETIME_MS).toISOString(),
      created_at: at.toISOString(),
    })
    .execute();
  // Challenges a day past expiry are no use even for the "expired" message.
  await trx
    .deleteFrom("email_challenges")
    .where("expires_at", "<", new Date(at.getTime() - 24 * 60 * 60_000).toISOString())
    .execute();
  const link = new URL(`/verify/${publicId}`, config().appUrl);
  link.searchParams.set("token", token);
  return { publicId, link: link.toString(), code };
}

export type ChallengeProblem = "not-found" | "bad-link" | "used" | "expired" | "locked" | "wrong-code";
export type ChallengeProof = { token: string } | { code: string };

export async function findChallenge(executor: Kysely<DB>, publicId: string): Promise<EmailChallenge | undefined> {
  return executor.selectFrom("email_challenges").selectAll().where("public_id", "=", publicId).executeTakeFirst();
}

/** The member a challenge was issued to; undefined for a stand-in (issued to no one). */
export async function challengeOwner(executor: Kysely<DB>, challenge: EmailChallenge): Promise<User | undefined> {
  return challenge.user_id === null ? undefined : findUserById(challenge.user_id, executor);
}

/** Why a challenge can no longer be completed, or null while it can. */
export function challengeState(challenge: EmailChallenge): Exclude<ChallengeProblem, "not-found" | "bad-link" | "wrong-code"> | null {
  if (challenge.consumed_at) return "used";
  if (challenge.failed_attempts >= MAX_CODE_ATTEMPTS) return "locked";
  if (new Date(challenge.expires_at) <= now()) return "expired";
  return null;
}

/** Checks a link token without using it up, for the page the link opens. */
export function tokenMatches(challenge: EmailChallenge, token: string): boolean {
  return hashesMatch(challenge.token_hash, hashSecret(token));
}

/**
 * Completes a challenge with its link token or code, once. A wrong code counts towards the limit;
 * call inside a transaction that commits even on failure so the count sticks.
 */
export async function consumeChallenge(
  trx: Kysely<DB>,
  publicId: string,
  proof: ChallengeProof,
): Promise<{ ok: true; challenge: EmailChallenge } | { ok: false; problem: ChallengeProblem; attemptsLeft?: number }> {
  const challenge = await findChallenge(trx, publicId);
  if (!challenge) return { ok: false, problem: "not-found" };
  const state = challengeState(challenge);
  if (state) return { ok: false, problem: state };

  if ("token" in proof) {
    // 160-bit tokens cannot be guessed, so a wrong one is a damaged link rather than an attack.
    if (!tokenMatches(challenge, proof.token)) return { ok: false, problem: "bad-link" };
  } else if (!hashesMatch(challenge.code_hash, hashSecret(proof.code))) {
    const failed = challenge.failed_attempts + 1;
    await trx.updateTable("email_challenges").set({ failed_attempts: failed }).where("id", "=", challenge.id).execute();
    if (failed >= MAX_CODE_ATTEMPTS) return { ok: false, problem: "locked" };
    return { ok: false, problem: "wrong-code", attemptsLeft: MAX_CODE_ATTEMPTS - failed };
  }

  const consumedAt = now().toISOString();
  const updated = await trx
    .updateTable("email_challenges")
    .set({ consumed_at: consumedAt })
    .where("id", "=", challenge.id)
    .where("consumed_at", "is", null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return { ok: false, problem: "used" };
  return { ok: true, challenge: { ...challenge, consumed_at: consumedAt } };
}

/** What the person asked for, which the check-your-email page words itself by (it is not what was sent). */
export type ChallengeAsked = "join" | "sign-in" | "change-email";

export interface ChallengePage {
  email: string;
  asked: ChallengeAsked;
  /** What the challenge is for, only to someone holding its link: on the code page it would tell a
   * joiner whether the address was already a member (a sign-in code) or not (a verification code). */
  purpose: ChallengePurpose | null;
  /** Why it cannot be completed, or null while it can. */
  problem: Exclude<ChallengeProblem, "not-found" | "wrong-code"> | null;
}

/** What the page a link or the code form opens needs to know. Read only: a GET changes nothing. */
export async function describeChallenge(executor: Kysely<DB>, publicId: string, token: string | null): Promise<ChallengePage | undefined> {
  const challenge = await findChallenge(executor, publicId);
  if (!challenge) return undefined;
  const linkHolder = token !== null && tokenMatches(challenge, token);
  const problem = challengeState(challenge) ?? (token !== null && !linkHolder ? "bad-link" : null);
  const asked = challenge.purpose === "change-email" ? "change-email" : (challengeData(challenge).asked ?? "sign-in");
  return { email: challenge.email, asked, purpose: linkHolder ? challenge.purpose : null, problem };
}
