import { memberLeftEmail } from "#emails/member-left";
import { db } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { privacyAudit } from "./audit-actions.server";
import { personalDataSteps } from "./registry.server";

/**
 * A member leaves the network: every feature's personal-data step runs in one transaction, in the
 * reverse of the order features are listed (a feature's data goes before the membership it
 * depends on), and the users row stays as an anonymised tombstone (docs/decisions/0005-leaving.md).
 * The confirmation email to the address they had is queued last, in the same transaction, and is
 * then the only place that address remains until it is delivered.
 */
export async function leaveNetwork(userId: number): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      const member = await trx.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
      if (member.status === "left") return;
      for (const step of personalDataSteps().reverse()) {
        if (step.leave !== "keep") await step.run(trx, member);
      }
      await privacyAudit.record(trx, { actorUserId: userId, action: "member.left", subjectType: "user", subjectId: userId });
      // Marked as the tombstone's, so it is never counted as the email of whoever next joins with the address.
      await enqueueEmail(trx, { to: member.email, template: memberLeftEmail, props: { fullName: member.full_name }, userId });
    });
}

/** What leaving will do, as the confirmation page lists it. */
export function whatLeavingDoes(): string[] {
  return personalDataSteps().map((step) => step.onLeave);
}
