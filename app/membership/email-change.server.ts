import type { Kysely } from "kysely";
import type { DB, EmailChallenge, User } from "#db/schema";
import { confirmNewEmailEmail } from "#emails/confirm-new-email";
import { emailAlreadyMemberEmail } from "#emails/email-already-member";
import { emailChangedEmail } from "#emails/email-changed";
import { now, nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { membershipAudit } from "./audit-actions.server";
import { CHALLENGE_LIFETIME_MS, challengeData, challengeOwner, createChallenge } from "./challenges.server";
import { decideMove } from "./domain-policy.server";
import { refuseNewAddress, type NewAddressRequestResult } from "./email-requests.server";
import { findUserByEmail, normaliseEmail } from "~/auth/users.server";
import { invalidateUserSessions } from "~/auth/sessions.server";

/**
 * A signed-in member asks to use a new address: it must pass the domain policy without needing review
 * (`decideMove`), and is confirmed by
 * a link and code sent to it. If another account already uses it, that address gets a note instead
 * of a code, and the member sees the same page as usual (no account enumeration).
 */
export async function requestEmailChange(
  member: { user: User; sessionId: string },
  newEmailInput: string,
  context: { ip: string },
): Promise<NewAddressRequestResult> {
  const newEmail = normaliseEmail(newEmailInput);
  if (newEmail === member.user.email) return { ok: false, emailError: "This is already your email address. Enter a different one" };
  const refusal = await refuseNewAddress(newEmail, context.ip, { changingFrom: member.user.email });
  if (refusal) return refusal;

  const publicId = await db()
    .transaction()
    .execute(async (trx) => {
      const challenge = await createChallenge(trx, {
        purpose: "change-email",
        email: newEmail,
        userId: member.user.id,
        data: { keepSessionId: member.sessionId },
      });
      if (await findUserByEmail(newEmail, trx)) {
        await enqueueEmail(trx, { to: newEmail, template: emailAlreadyMemberEmail, props: {} });
      } else {
        await enqueueEmail(trx, {
          to: newEmail,
          template: confirmNewEmailEmail,
          props: { link: challenge.link, code: challenge.code, validMinutes: CHALLENGE_LIFETIME_MS / 60_000 },
          expiresAt: new Date(now().getTime() + CHALLENGE_LIFETIME_MS),
        });
      }
      return challenge.publicId;
    });
  return { ok: true, publicId };
}

export type EmailChangeResult = { outcome: "email-changed" } | { outcome: "refused"; message: string };

/**
 * The member proved they own the new address: switch to it, tell the old address, and end every
 * other session (and any code still out for the old address) in case the change was not theirs.
 * The audit log records that it changed, not either address. The old address can now pass to someone
 * else, so what was sent to it is marked as this member's (docs/decisions/0005-leaving.md).
 */
export async function applyEmailChange(trx: Kysely<DB>, challenge: EmailChallenge): Promise<EmailChangeResult> {
  const user = await challengeOwner(trx, challenge);
  if (!user || user.status !== "active") {
    return { outcome: "refused", message: "Your membership is not active, so its email address cannot be changed." };
  }
  if (await findUserByEmail(challenge.email, trx)) {
    return { outcome: "refused", message: "Another account already uses this email address, so we have not changed yours." };
  }
  // Again on confirming, in case staff changed the domain's rule meanwhile.
  const move = await decideMove(user.email, challenge.email, trx);
  if (!move.ok) return { outcome: "refused", message: move.message };
  const { keepSessionId } = challengeData(challenge);
  const at = nowIso();
  await trx.updateTable("users").set({ email: challenge.email, updated_at: at }).where("id", "=", user.id).execute();
  await invalidateUserSessions(user.id, trx, keepSessionId);
  await trx
    .updateTable("email_challenges")
    .set({ consumed_at: at })
    .where("user_id", "=", user.id)
    .where("consumed_at", "is", null)
    .execute();
  await trx.updateTable("outbox").set({ user_id: user.id }).where("user_id", "is", null).where("to_address", "=", user.email).execute();
  // Stand-ins (codes never sent, tied to no one) for the old address were asked for while it was this
  // member's or before; they can never be completed, and would otherwise count as its next owner's.
  await trx.deleteFrom("email_challenges").where("user_id", "is", null).where("email", "=", user.email).execute();
  await membershipAudit.record(trx, { actorUserId: user.id, action: "member.email-changed", subjectType: "user", subjectId: user.id });
  await enqueueEmail(trx, { to: user.email, template: emailChangedEmail, props: { newEmail: challenge.email }, userId: user.id });
  return { outcome: "email-changed" };
}
