import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { accountUnavailableEmail } from "#emails/account-unavailable";
import { awaitingReviewEmail } from "#emails/awaiting-review";
import { joinVerificationEmail } from "#emails/join-verification";
import { noAccountEmail } from "#emails/no-account";
import { signInCodeEmail } from "#emails/sign-in-code";
import { now } from "~/clock.server";
import { db } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { CHALLENGE_LIFETIME_MS, challengeData, createChallenge, findChallenge, type JoinDetails } from "./challenges.server";
import type { EmailRequestResult } from "./email-requests.server";
import { findUserByEmail, normaliseEmail } from "~/auth/users.server";
import { allowEmailRequest } from "./rate-limits.server";
import { invalidateSession, sessionFromRequest } from "~/auth/sessions.server";

const VALID_MINUTES = CHALLENGE_LIFETIME_MS / 60_000;

/**
 * Emails an address whatever lets its owner in, and returns the challenge for the "check your email"
 * page: a sign-in code for a member, a verification code for a joiner who has not confirmed yet, or
 * a note without a code for anyone else. Every case creates a challenge, so the response is the same
 * whether or not the address is a member (no account enumeration). A joiner's verification carries the
 * details they typed (`joinDetails`), which stand only if it is the one confirmed.
 */
export async function emailAccessCode(
  trx: Kysely<DB>,
  email: string,
  options: { asked: "join" | "sign-in"; redirectTo?: string; joinDetails?: JoinDetails },
): Promise<string> {
  const user = await findUserByEmail(email, trx);
  const { asked } = options;
  const data = options.redirectTo ? { asked, redirectTo: options.redirectTo } : { asked };

  // Codes are useless after the challenge expires, so the outbox drops an email that would arrive late.
  const expiresAt = new Date(now().getTime() + CHALLENGE_LIFETIME_MS);
  if (user?.status === "active") {
    const challenge = await createChallenge(trx, { purpose: "sign-in", email: user.email, userId: user.id, data });
    const props = { link: challenge.link, code: challenge.code, validMinutes: VALID_MINUTES, asked };
    await enqueueEmail(trx, { to: user.email, template: signInCodeEmail, props, expiresAt });
    return challenge.publicId;
  }
  if (user?.status === "unverified") {
    const joinDetails = options.joinDetails;
    const challenge = await createChallenge(trx, { purpose: "verify-email", email: user.email, userId: user.id, data: { ...data, joinDetails } });
    const props = { link: challenge.link, code: challenge.code, validMinutes: VALID_MINUTES, fullName: joinDetails?.full_name ?? user.full_name };
    await enqueueEmail(trx, { to: user.email, template: joinVerificationEmail, props, expiresAt });
    return challenge.publicId;
  }

  // A stand-in whose code is never sent, so the page and its code form look the same as for a member.
  const standIn = await createChallenge(trx, { purpose: "sign-in", email, userId: null, data });
  if (!user) await enqueueEmail(trx, { to: email, template: noAccountEmail, props: {} });
  else if (user.status === "pending") await enqueueEmail(trx, { to: email, template: awaitingReviewEmail, props: { asked } });
  else await enqueueEmail(trx, { to: email, template: accountUnavailableEmail, props: {} });
  return standIn.publicId;
}

/**
 * Passwordless sign-in: rate limited per address and per client, then `emailAccessCode`. `asked` is
 * "join" (with the joiner's details) when sending a new code to someone who asked to join.
 */
export async function requestSignIn(request: {
  email: string;
  ip: string;
  redirectTo?: string;
  asked?: "join" | "sign-in";
  joinDetails?: JoinDetails;
}): Promise<EmailRequestResult> {
  const email = normaliseEmail(request.email);
  const limit = await allowEmailRequest({ address: email, ip: request.ip });
  if (!limit.allowed) return { ok: false, retryAfterMs: limit.retryAfterMs };
  const publicId = await db()
    .transaction()
    .execute((trx) => emailAccessCode(trx, email, { asked: request.asked ?? "sign-in", redirectTo: request.redirectTo, joinDetails: request.joinDetails }));
  return { ok: true, publicId };
}

/**
 * "Send a new code" from the check-your-email page: the same as asking again for that address, with
 * the same joining details if any. A change of address starts again from the account page instead.
 */
export async function resendCode(
  publicId: string,
  context: { ip: string },
): Promise<EmailRequestResult | { ok: "restart"; path: string } | undefined> {
  const challenge = await findChallenge(db(), publicId);
  if (!challenge) return undefined;
  if (challenge.purpose === "change-email") return { ok: "restart", path: "/account/email" };
  const { redirectTo, asked, joinDetails } = challengeData(challenge);
  return requestSignIn({ email: challenge.email, ip: context.ip, redirectTo, asked, joinDetails });
}

/** Ends the session the request carries, if it is a valid one. */
export async function signOut(request: Request): Promise<void> {
  const session = await sessionFromRequest(request);
  if (session) await invalidateSession(session.id);
}
