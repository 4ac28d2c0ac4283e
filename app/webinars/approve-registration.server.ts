import { webinarRegistrationDeclinedEmail } from "#emails/webinar-registration-declined";
import { nowIso } from "~/clock.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { webinarsAudit } from "./audit-actions.server";
import { placeRegistration, promoteFromWaitlist } from "./places.server";
import { ACTIVE_STATUSES, findWebinar, hasEnded, registrationsWithRegistrant, webinarEmailProps } from "./webinar-records.server";
import { writeTransaction } from "./write-transaction.server";

/** Staff decisions on registrations, one or many at once. */

export type DecisionResult =
  | { ok: true; approved: number; waitlisted: number; declined: number; skipped: number }
  | { ok: false; error: string };

const NOT_FOUND = { ok: false, error: "There is no webinar with that id" } as const;
const CANCELLED = { ok: false, error: "This webinar has been cancelled, so its registrations cannot change" } as const;

/**
 * Approves registrations that are waiting (or were declined): each gets a place while there is one,
 * oldest registration first, and the waiting list after that. Others are skipped (already decided).
 * On the day, people given a place after the joining links went out get theirs at once; after the
 * end, nobody is emailed.
 */
export async function approveRegistrations(
  actorUserId: number,
  webinarId: number,
  which: readonly number[] | "all-pending",
): Promise<DecisionResult> {
  return writeTransaction(async (trx) => {
    const webinar = await findWebinar(webinarId, trx);
    if (!webinar) return NOT_FOUND;
    if (webinar.cancelled_at) return CANCELLED;
    const result = { ok: true as const, approved: 0, waitlisted: 0, declined: 0, skipped: 0 };
    if (which !== "all-pending" && which.length === 0) return result;
    let query = trx.selectFrom("webinar_registrations").selectAll().where("webinar_id", "=", webinarId);
    query = which === "all-pending" ? query.where("status", "=", "pending") : query.where("id", "in", [...which]);
    const registrations = await query.orderBy("registered_at").orderBy("id").execute();
    if (which !== "all-pending") result.skipped = which.length - registrations.length;
    for (const registration of registrations) {
      if (registration.status !== "pending" && registration.status !== "declined") {
        result.skipped += 1;
        continue;
      }
      const outcome = await placeRegistration(trx, webinar, registration, actorUserId);
      result[outcome] += 1;
      await webinarsAudit.record(trx, {
        actorUserId,
        action: "webinar.registration-approved",
        subjectType: "user",
        subjectId: registration.user_id,
        details: { webinar: webinarId, outcome },
      });
    }
    return result;
  });
}

/**
 * Declines registrations (waiting, approved or on the waiting list), with an optional reason that
 * is emailed. Places given back go to the waiting list.
 */
export async function declineRegistrations(
  actorUserId: number,
  webinarId: number,
  registrationIds: readonly number[],
  reason: string | null,
): Promise<DecisionResult> {
  return writeTransaction(async (trx) => {
    const webinar = await findWebinar(webinarId, trx);
    if (!webinar) return NOT_FOUND;
    if (webinar.cancelled_at) return CANCELLED;
    const result = { ok: true as const, approved: 0, waitlisted: 0, declined: 0, skipped: 0 };
    const registrations = registrationIds.length
      ? await registrationsWithRegistrant(trx, webinarId)
          .where("webinar_registrations.id", "in", [...registrationIds])
          .execute()
      : [];
    result.skipped = registrationIds.length - registrations.length;
    let placesFreed = false;
    for (const registration of registrations) {
      if (!ACTIVE_STATUSES.includes(registration.status)) {
        result.skipped += 1;
        continue;
      }
      const at = nowIso();
      await trx
        .updateTable("webinar_registrations")
        .set({ status: "declined", decided_at: at, decided_by: actorUserId, decline_reason: reason, waitlisted_at: null, updated_at: at })
        .where("id", "=", registration.id)
        .execute();
      placesFreed ||= registration.status === "approved";
      result.declined += 1;
      await webinarsAudit.record(trx, {
        actorUserId,
        action: "webinar.registration-declined",
        subjectType: "user",
        subjectId: registration.user_id,
        details: { webinar: webinarId, reason },
      });
      if (!hasEnded(webinar) && registration.userStatus === "active") {
        await enqueueEmail(trx, {
          to: registration.email,
          template: webinarRegistrationDeclinedEmail,
          props: { ...webinarEmailProps(webinar, registration.full_name), reason },
        });
      }
    }
    if (placesFreed) await promoteFromWaitlist(trx, webinar);
    return result;
  });
}
