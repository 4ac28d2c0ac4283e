import type { WebinarRegistration } from "#db/schema";
import { webinarRegistrationReceivedEmail } from "#emails/webinar-registration-received";
import { findUserById } from "~/auth/users.server";
import { nowIso } from "~/clock.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { MAX_ANSWER_LENGTH, parseQuestions } from "./questions";
import { ACTIVE_STATUSES, findWebinar, registrationIsOpen, webinarEmailProps } from "./webinar-records.server";
import { writeTransaction } from "./write-transaction.server";

export type RegisterResult =
  | { outcome: "registered" | "already-registered"; registration: WebinarRegistration }
  | { outcome: "declined" | "closed" | "not-found" };

/** Keeps answers to this webinar's questions only, trimmed and cut to length. */
function cleanAnswers(questionsJson: string, answers: Record<string, string>): string {
  const kept: Record<string, string> = {};
  for (const question of parseQuestions(questionsJson)) {
    const answer = answers[question.id]?.trim().slice(0, MAX_ANSWER_LENGTH);
    if (answer) kept[question.id] = answer;
  }
  return JSON.stringify(kept);
}

/**
 * A member registers (one click, plus any optional answers). Registering again while registered
 * changes nothing; after cancelling, it starts again as a new registration waiting for approval.
 * Staff approve every registration, so the member is told it has been received.
 */
export async function registerForWebinar(userId: number, webinarId: number, answers: Record<string, string> = {}): Promise<RegisterResult> {
  return writeTransaction(async (trx) => {
    const webinar = await findWebinar(webinarId, trx);
    const member = await findUserById(userId, trx);
    if (!webinar || !member || member.status !== "active") return { outcome: "not-found" };
    const existing = await trx
      .selectFrom("webinar_registrations")
      .selectAll()
      .where("webinar_id", "=", webinarId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (existing && ACTIVE_STATUSES.includes(existing.status)) return { outcome: "already-registered", registration: existing };
    if (existing?.status === "declined") return { outcome: "declined" };
    if (!registrationIsOpen(webinar)) return { outcome: "closed" };

    const at = nowIso();
    const fields = {
      status: "pending" as const,
      answers_json: cleanAnswers(webinar.questions_json, answers),
      registered_at: at,
      decided_at: null,
      decided_by: null,
      decline_reason: null,
      waitlisted_at: null,
      cancelled_at: null,
      links_sent_at: null,
      updated_at: at,
    };
    const registration = existing
      ? await trx.updateTable("webinar_registrations").set(fields).where("id", "=", existing.id).returningAll().executeTakeFirstOrThrow()
      : await trx
          .insertInto("webinar_registrations")
          .values({ ...fields, webinar_id: webinarId, user_id: userId })
          .returningAll()
          .executeTakeFirstOrThrow();
    await enqueueEmail(trx, { to: member.email, template: webinarRegistrationReceivedEmail, props: webinarEmailProps(webinar, member.full_name) });
    return { outcome: "registered", registration };
  });
}
