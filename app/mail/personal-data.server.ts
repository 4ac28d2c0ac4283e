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
        .where("to_address", "=", member.email)
        .orderBy("created_at")
        .execute();
      return { emailsSent: emails.map((email) => ({ subject: email.subject, queuedAt: email.created_at, status: email.status, sentAt: email.sent_at })) };
    },
    onLeave: "delete the emails we sent you, and stop all email to you, including the bulletin and webinar reminders",
    leave: "erase",
    // Earlier email holds their name and address in its body. The confirmation of leaving is queued after this.
    async run(trx, member) {
      await trx.deleteFrom("outbox").where("to_address", "=", member.email).execute();
    },
  },
];
