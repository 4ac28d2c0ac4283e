import type { ExpressionBuilder } from "kysely";
import type { DB } from "#db/schema";
import type { PersonalDataStep } from "~/privacy/define";

/** Email queued or sent to a member: its subject and when, in the download; deleted when they leave. */
export const mailPersonalData: PersonalDataStep[] = [
  {
    name: "emails",
    tables: ["outbox"],
    async export(executor, member) {
      const emails = await executor
        .selectFrom("outbox")
        .select(["subject", "created_at", "status", "sent_at"])
        .where(theirs(member))
        .orderBy("created_at")
        .execute();
      return { emailsSent: emails.map((email) => ({ subject: email.subject, queuedAt: email.created_at, status: email.status, sentAt: email.sent_at })) };
    },
    onLeave: "delete the emails we sent you, and stop all email to you, including the bulletin and webinar reminders",
    leave: "erase",
    // Earlier email holds their name and address in its body. The confirmation of leaving is queued after this.
    async run(trx, member) {
      await trx.deleteFrom("outbox").where(theirs(member)).execute();
    },
  },
];

/**
 * A member's emails: those marked as theirs when an address they had stopped being theirs, and those to
 * the address they have now that are not marked as someone else's (an address can change hands).
 */
function theirs(member: { id: number; email: string }) {
  return (eb: ExpressionBuilder<DB, "outbox">) =>
    eb.or([eb("user_id", "=", member.id), eb.and([eb("user_id", "is", null), eb("to_address", "=", member.email)])]);
}
