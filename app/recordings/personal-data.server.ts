import type { PersonalDataStep } from "~/privacy/define";

/**
 * The only personal data recordings keep: which members were emailed about which recording, so
 * nobody is emailed twice. Staff uploads are attributed in the audit log, not here.
 */
export const recordingsPersonalData: PersonalDataStep[] = [
  {
    name: "recording emails",
    tables: ["recording_notifications"],
    async export(executor, member) {
      const rows = await executor
        .selectFrom("recording_notifications")
        .innerJoin("recordings", "recordings.id", "recording_notifications.recording_id")
        .select(["recordings.title", "recording_notifications.created_at"])
        .where("recording_notifications.user_id", "=", member.id)
        .orderBy("recording_notifications.created_at")
        .execute();
      return rows.length ? { recordingEmails: rows.map((row) => ({ recording: row.title, emailedAt: row.created_at })) } : {};
    },
    onLeave: "delete the record of which recordings we emailed you about",
    leave: "erase",
    async run(trx, member) {
      await trx.deleteFrom("recording_notifications").where("user_id", "=", member.id).execute();
    },
  },
];
