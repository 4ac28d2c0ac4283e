import type { Kysely } from "kysely";
import type { DB, User } from "#db/schema";
import { joinRequestReceivedEmail } from "#emails/join-request-received";
import { joinerToReviewEmail } from "#emails/joiner-to-review";
import { memberWelcomeEmail } from "#emails/member-welcome";
import { now, nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { membershipAudit } from "./audit-actions.server";
import { decideDomain, domainRefusalMessage, emailDomain } from "./domain-policy.server";
import { refuseNewAddress, type NewAddressRequestResult } from "./email-requests.server";
import type { JoinInput } from "./join-schema";
import type { JoinDetails } from "./challenges.server";
import { consentColumns, profileColumns } from "./members.server";
import { findUserByEmail, normaliseEmail } from "~/auth/users.server";
import { emailAccessCode } from "./sign-in.server";

export const UNCONFIRMED_JOINER_DAYS = 30;

/**
 * Starts a membership: checks the address's domain, records the details as an unverified member and
 * emails a verification link and code. An address that is already a member gets what signing in
 * would send instead, and the caller cannot tell the difference (no account enumeration). Joining
 * again before confirming changes nothing yet: the new details travel with the new code, and stand
 * only if that code (or its link) is the one used.
 */
export async function joinNetwork(input: JoinInput, context: { ip: string }): Promise<NewAddressRequestResult> {
  const email = normaliseEmail(input.email);
  const refusal = await refuseNewAddress(email, context.ip, "join");
  if (refusal) return refusal;

  const publicId = await db()
    .transaction()
    .execute(async (trx) => {
      // The privacy notice promises that details of joiners who never confirm go after 30 days.
      await trx
        .deleteFrom("users")
        .where("status", "=", "unverified")
        .where("created_at", "<", new Date(now().getTime() - UNCONFIRMED_JOINER_DAYS * 24 * 60 * 60_000).toISOString())
        .execute();
      const joinDetails = { ...profileColumns(input), ...consentColumns(input) };
      if (!(await findUserByEmail(email, trx))) {
        const at = nowIso();
        await trx
          .insertInto("users")
          .values({ ...joinDetails, email, status: "unverified", created_at: at, updated_at: at })
          .execute();
      }
      return emailAccessCode(trx, email, { asked: "join", joinDetails });
    });
  return { ok: true, publicId };
}

export type JoinCompletion =
  | { outcome: "active" }
  | { outcome: "pending" }
  | { outcome: "refused"; message: string }
  | { outcome: "unavailable" };

/**
 * The joiner has proved they own the address. The details sent with the confirmed code become the
 * member's. Trusted domains become members at once and are welcomed by email; other organisations wait
 * for staff, who are told by email; the audit log records which. The domain is checked again because staff may have changed a
 * rule since the joiner asked.
 */
export async function completeJoin(trx: Kysely<DB>, joiner: User, joinDetails?: JoinDetails): Promise<JoinCompletion> {
  if (joiner.status === "active" || joiner.status === "pending") return { outcome: joiner.status };
  if (joiner.status !== "unverified") return { outcome: "unavailable" };
  const decision = await decideDomain(joiner.email, trx);
  if (decision.outcome === "refused") return { outcome: "refused", message: domainRefusalMessage(decision.reason) };

  const at = nowIso();
  const status: "active" | "pending" = decision.outcome === "trusted" ? "active" : "pending";
  const changes = { ...joinDetails, status, email_verified_at: at, updated_at: at };
  await trx.updateTable("users").set(changes).where("id", "=", joiner.id).execute();
  const user = { ...joiner, ...changes };
  await membershipAudit.record(trx, { actorUserId: user.id, action: "member.joined", subjectType: "user", subjectId: user.id, details: { status } });
  if (status === "pending") {
    await enqueueEmail(trx, { to: user.email, template: joinRequestReceivedEmail, props: { fullName: user.full_name } });
    await tellAdminsAboutJoiner(trx, user);
  } else {
    await enqueueEmail(trx, { to: user.email, template: memberWelcomeEmail, props: { fullName: user.full_name } });
  }
  return { outcome: status };
}

async function tellAdminsAboutJoiner(trx: Kysely<DB>, joiner: User): Promise<void> {
  const admins = await trx
    .selectFrom("role_grants")
    .innerJoin("users", "users.id", "role_grants.user_id")
    .select("users.email")
    .where("role_grants.role", "=", "admin")
    .where("role_grants.scope", "is", null)
    .where("users.status", "=", "active")
    .execute();
  for (const admin of admins) {
    await enqueueEmail(trx, {
      to: admin.email,
      template: joinerToReviewEmail,
      props: { fullName: joiner.full_name, organisation: joiner.organisation, domain: emailDomain(joiner.email) },
    });
  }
}
