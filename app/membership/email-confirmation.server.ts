import { db } from "~/db.server";
import { safeRedirectPath } from "~/auth/access.server";
import { challengeData, challengeOwner, consumeChallenge, type ChallengeProblem, type ChallengeProof } from "./challenges.server";
import { applyEmailChange } from "./email-change.server";
import { completeJoin } from "./join.server";
import { hasRole } from "~/auth/roles.server";
import { createSession } from "~/auth/sessions.server";
import { allowCodeCheck } from "./rate-limits.server";

export type ConfirmationResult =
  | { outcome: "failed"; problem: ChallengeProblem; attemptsLeft?: number }
  | { outcome: "too-many-checks"; retryAfterMs: number }
  | { outcome: "signed-in"; sessionToken: string; destination: string }
  | { outcome: "pending" }
  | { outcome: "refused"; message: string }
  | { outcome: "email-changed" };

const UNAVAILABLE = "This membership is no longer active, so you cannot sign in with it.";

type Decision = Exclude<ConfirmationResult, { outcome: "signed-in" | "too-many-checks" }> | { outcome: "sign-in"; userId: number; destination: string };

/**
 * Completes an emailed challenge with its link token or code (a POST from the page the link opens,
 * or the code form) and does what it was for: finish joining, sign in, or change address. Codes are
 * checked only within the client's ceiling (links carry 160-bit tokens, so need none).
 */
export async function confirmEmailChallenge(publicId: string, proof: ChallengeProof, context: { ip: string }): Promise<ConfirmationResult> {
  if ("code" in proof) {
    const limit = await allowCodeCheck(context.ip);
    if (!limit.allowed) return { outcome: "too-many-checks", retryAfterMs: limit.retryAfterMs };
  }
  const decision = await db()
    .transaction()
    .execute(async (trx): Promise<Decision> => {
      const consumed = await consumeChallenge(trx, publicId, proof);
      if (!consumed.ok) return { outcome: "failed", problem: consumed.problem, attemptsLeft: consumed.attemptsLeft };
      const { challenge } = consumed;
      if (challenge.purpose === "change-email") return applyEmailChange(trx, challenge);

      const user = await challengeOwner(trx, challenge);
      // Stand-in challenges (no member) have no user; their code was never sent.
      if (!user) return { outcome: "failed", problem: "not-found" };
      const { redirectTo, joinDetails } = challengeData(challenge);

      if (challenge.purpose === "verify-email") {
        const joined = await completeJoin(trx, user, joinDetails);
        if (joined.outcome === "active") return { outcome: "sign-in", userId: user.id, destination: "/welcome" };
        if (joined.outcome === "unavailable") return { outcome: "refused", message: UNAVAILABLE };
        return joined;
      }
      if (user.status === "active") {
        // Staff who were not on their way somewhere start at the staff tools, where their work is.
        const home = (await hasRole(user.id, "admin", null, trx)) ? "/admin/members" : "/account";
        return { outcome: "sign-in", userId: user.id, destination: safeRedirectPath(redirectTo, home) };
      }
      if (user.status === "pending") return { outcome: "pending" };
      return { outcome: "refused", message: UNAVAILABLE };
    });

  if (decision.outcome !== "sign-in") return decision;
  const { token } = await createSession(decision.userId);
  return { outcome: "signed-in", sessionToken: token, destination: decision.destination };
}
