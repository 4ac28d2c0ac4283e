import type { Kysely } from "kysely";
import type { DB, Recording } from "#db/schema";
import { recordingPublishedEmail } from "#emails/recording-published";
import { nowIso } from "~/clock.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { listUnsubscribeHeaders } from "~/mail/unsubscribe-links.server";
import { eventEmailUnsubscribeUrl, newEventEmailTokens } from "~/membership/event-emails-unsubscribe.server";
import { findWebinar, registrantsToTell } from "./webinar-tables.server";

/**
 * Emails a just-published recording to its webinar's registrants who asked for event emails, in the
 * publishing transaction. A row per recording and member (unique) is the record that they were told:
 * anyone with a row is skipped, so unpublishing and publishing again never emails anyone twice, while
 * someone who registered since is still told. Each email has its own link that stops event emails.
 * Returns how many were emailed.
 */
export async function notifyRegistrants(trx: Kysely<DB>, recording: Recording, hasSlides: boolean): Promise<number> {
  if (recording.webinar_id === null) return 0;
  const webinar = await findWebinar(trx, recording.webinar_id);
  if (!webinar) return 0;
  const registrants = await registrantsToTell(trx, webinar.id);
  const toTell = [];
  for (const member of registrants) {
    const inserted = await trx
      .insertInto("recording_notifications")
      .values({ recording_id: recording.id, user_id: member.id, created_at: nowIso() })
      .onConflict((conflict) => conflict.columns(["recording_id", "user_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) toTell.push(member);
  }
  const tokens = await newEventEmailTokens(trx, toTell.map((member) => member.id));
  for (const [i, member] of toTell.entries()) {
    const unsubscribeUrl = eventEmailUnsubscribeUrl(tokens[i]!);
    await enqueueEmail(trx, {
      to: member.email,
      template: recordingPublishedEmail,
      props: { fullName: member.full_name, recordingId: recording.id, title: recording.title, webinarTitle: webinar.title, hasSlides, unsubscribeUrl },
      headers: listUnsubscribeHeaders(unsubscribeUrl),
    });
  }
  return toTell.length;
}
