import { sql } from "kysely";
import { memberLeftEmail } from "#emails/member-left";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { recordAudit } from "./audit.server";
import { escapeLike } from "./like-patterns.server";
import { revokeAllRoles } from "./roles.server";
import { invalidateUserSessions } from "./sessions.server";

export const FORMER_MEMBER_NAME = "Former member";

/** What staff see instead of the placeholder address of someone who has left. */
export function staffVisibleEmail(member: { status: string; email: string }): string {
  return member.status === "left" ? "None (left the network)" : member.email;
}

/** A unique address that is nobody's (.invalid is reserved and never delivers). */
export function tombstoneEmail(userId: number): string {
  return `former-member-${userId}@removed.invalid`;
}

/**
 * A member leaves the network: their personal data is deleted and the users row stays as an
 * anonymised tombstone, so what they posted can still point at "Former member"
 * (docs/decisions/0005-leaving.md). The confirmation email to the address they had is queued in
 * the same transaction and is then the only place that address remains until it is delivered.
 */
export async function leaveNetwork(userId: number): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      const user = await trx.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
      if (user.status === "left") return;
      const email = user.email;

      await invalidateUserSessions(userId, trx);
      await trx
        .deleteFrom("email_challenges")
        .where((eb) => eb.or([eb("user_id", "=", userId), eb("email", "=", email)]))
        .execute();
      await revokeAllRoles(userId, trx);
      // Rate-limit buckets name the address (e.g. "sign-in:email:<address>").
      await trx
        .deleteFrom("rate_limit_hits")
        .where(sql<boolean>`bucket like ${`%:${escapeLike(email)}`} escape '\\'`)
        .execute();
      // Earlier email to them holds their name and address in its body.
      await trx.deleteFrom("outbox").where("to_address", "=", email).execute();
      await trx
        .updateTable("users")
        .set({
          email: tombstoneEmail(userId),
          full_name: FORMER_MEMBER_NAME,
          organisation: "",
          job_role: "",
          region: "",
          icb_pcn: null,
          workspace_interests_json: "[]",
          bulletin_opt_in: 0,
          events_opt_in: 0,
          status: "left",
          status_reason: null,
          email_verified_at: null,
          updated_at: nowIso(),
        })
        .where("id", "=", userId)
        .execute();
      await recordAudit(trx, { actorUserId: userId, action: "member.left", subjectType: "user", subjectId: userId });
      await enqueueEmail(trx, { to: email, template: memberLeftEmail, props: { fullName: user.full_name } });
    });
}
