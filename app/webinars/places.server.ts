import type { Kysely } from "kysely";
import type { DB, Webinar, WebinarRegistration } from "#db/schema";
import { webinarJoiningLinkEmail } from "#emails/webinar-joining-link";
import { webinarPlaceOfferedEmail } from "#emails/webinar-place-offered";
import { webinarRegistrationApprovedEmail } from "#emails/webinar-registration-approved";
import { webinarRegistrationWaitlistedEmail } from "#emails/webinar-registration-waitlisted";
import { hashSecret, randomToken } from "~/auth/tokens.server";
import { nowIso } from "~/clock.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { webinarCalendarAttachment } from "./calendar-file.server";
import { formatUkClock, joinOpensAt } from "./times";
import {
  countWithStatus,
  hasEnded,
  joiningLinksDue,
  linksSendAtText,
  registrantIn,
  registrationsWithRegistrant,
  webinarEmailProps,
  type Registrant,
} from "./webinar-records.server";

/**
 * Giving out places. Every function here runs inside a write transaction (writeTransaction), so the
 * count of approved places and the change made on it cannot be overtaken by another writer: the
 * capacity is never exceeded however many approvals and cancellations arrive at once.
 */

/**
 * Queues the personal joining-link email: a new random token (only its hash is stored; earlier links
 * keep working) and the time it was sent, in the same transaction, so it is never sent twice.
 */
export async function queueJoiningLink(trx: Kysely<DB>, webinar: Webinar, registration: WebinarRegistration, registrant: Registrant): Promise<void> {
  const token = randomToken();
  const at = nowIso();
  await trx.insertInto("webinar_link_tokens").values({ registration_id: registration.id, token_hash: hashSecret(token), created_at: at }).execute();
  await enqueueEmail(trx, {
    to: registrant.email,
    template: webinarJoiningLinkEmail,
    props: { ...webinarEmailProps(webinar, registrant.full_name), token, joinOpens: formatUkClock(joinOpensAt(webinar.starts_at)) },
    // A link that arrives after the end is no use to anyone.
    expiresAt: new Date(webinar.ends_at),
  });
  await trx.updateTable("webinar_registrations").set({ links_sent_at: at, updated_at: at }).where("id", "=", registration.id).execute();
}

/** After a place is given: the email saying so and, on the day, the joining link at once. Nothing once it has ended. */
async function tellAboutPlace(
  trx: Kysely<DB>,
  webinar: Webinar,
  registration: WebinarRegistration,
  registrant: Registrant,
  how: "approved" | "promoted",
): Promise<void> {
  if (hasEnded(webinar) || webinar.cancelled_at || registrant.status !== "active") return;
  const linkNow = joiningLinksDue(webinar);
  await enqueueEmail(trx, {
    to: registrant.email,
    template: how === "approved" ? webinarRegistrationApprovedEmail : webinarPlaceOfferedEmail,
    props: { ...webinarEmailProps(webinar, registrant.full_name), linksSendAt: linkNow ? null : linksSendAtText(webinar) },
    // The calendar file, attached for one-click adding and linked too, for clients that strip attachments.
    attachments: [webinarCalendarAttachment(webinar)],
  });
  if (linkNow) await queueJoiningLink(trx, webinar, registration, registrant);
}

async function registrantOf(trx: Kysely<DB>, registration: WebinarRegistration): Promise<Registrant> {
  return trx.selectFrom("users").select(["email", "full_name", "status"]).where("id", "=", registration.user_id).executeTakeFirstOrThrow();
}

/**
 * Staff approved a registration: a place if one is free, otherwise the waiting list (first come,
 * first served). Returns where it ended up.
 */
export async function placeRegistration(
  trx: Kysely<DB>,
  webinar: Webinar,
  registration: WebinarRegistration,
  actorUserId: number | null,
): Promise<"approved" | "waitlisted"> {
  const approved = await countWithStatus(trx, webinar.id, "approved");
  const at = nowIso();
  const outcome = approved < webinar.capacity ? "approved" : "waitlisted";
  const updated = await trx
    .updateTable("webinar_registrations")
    .set({
      status: outcome,
      decided_at: at,
      decided_by: actorUserId,
      decline_reason: null,
      waitlisted_at: outcome === "waitlisted" ? at : null,
      updated_at: at,
    })
    .where("id", "=", registration.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const registrant = await registrantOf(trx, registration);
  if (outcome === "approved") {
    await tellAboutPlace(trx, webinar, updated, registrant, "approved");
  } else if (!hasEnded(webinar) && registrant.status === "active") {
    await enqueueEmail(trx, {
      to: registrant.email,
      template: webinarRegistrationWaitlistedEmail,
      props: webinarEmailProps(webinar, registrant.full_name),
    });
  }
  return outcome;
}

/**
 * Fills free places from the waiting list, first in first, and tells each person promoted. Called
 * after anything that frees a place or adds places. Returns how many were promoted.
 */
export async function promoteFromWaitlist(trx: Kysely<DB>, webinar: Webinar): Promise<number> {
  if (webinar.cancelled_at || hasEnded(webinar)) return 0;
  const free = webinar.capacity - (await countWithStatus(trx, webinar.id, "approved"));
  if (free <= 0) return 0;
  // Someone removed from the network since keeps their row but is passed over.
  const next = await registrationsWithRegistrant(trx, webinar.id)
    .where("webinar_registrations.status", "=", "waitlisted")
    .where("users.status", "=", "active")
    .orderBy("webinar_registrations.waitlisted_at")
    .orderBy("webinar_registrations.id")
    .limit(free)
    .execute();
  const at = nowIso();
  for (const registration of next) {
    const promoted = await trx
      .updateTable("webinar_registrations")
      .set({ status: "approved", waitlisted_at: null, updated_at: at })
      .where("id", "=", registration.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await tellAboutPlace(trx, webinar, promoted, registrantIn(registration), "promoted");
  }
  return next.length;
}
