import { webinarRegistrationCancelledEmail } from "#emails/webinar-registration-cancelled";
import { nowIso } from "~/clock.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { promoteFromWaitlist } from "./places.server";
import { ACTIVE_STATUSES, findWebinar, hasStarted, registrationsWithRegistrant, webinarEmailProps } from "./webinar-records.server";
import { writeTransaction } from "./write-transaction.server";

export type CancelResult = { ok: true; promoted: number } | { ok: false; reason: "not-registered" | "started" };

/**
 * A member cancels their registration (waiting, approved or on the waiting list) before the webinar
 * starts. A place given back goes to the first person on the waiting list, who is emailed; their
 * own joining links stop working. They get an email confirming it.
 */
export async function cancelRegistration(userId: number, webinarId: number): Promise<CancelResult> {
  return writeTransaction(async (trx) => {
    const webinar = await findWebinar(webinarId, trx);
    const registration = await registrationsWithRegistrant(trx, webinarId)
      .where("webinar_registrations.user_id", "=", userId)
      .executeTakeFirst();
    if (!webinar || webinar.cancelled_at || !registration || !ACTIVE_STATUSES.includes(registration.status)) {
      return { ok: false, reason: "not-registered" } as const;
    }
    if (hasStarted(webinar)) return { ok: false, reason: "started" } as const;
    const at = nowIso();
    await trx
      .updateTable("webinar_registrations")
      .set({ status: "cancelled", cancelled_at: at, waitlisted_at: null, updated_at: at })
      .where("id", "=", registration.id)
      .execute();
    await enqueueEmail(trx, {
      to: registration.email,
      template: webinarRegistrationCancelledEmail,
      props: webinarEmailProps(webinar, registration.full_name),
    });
    const promoted = registration.status === "approved" ? await promoteFromWaitlist(trx, webinar) : 0;
    return { ok: true, promoted } as const;
  });
}
