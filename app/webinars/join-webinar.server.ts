import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { hashSecret } from "~/auth/tokens.server";
import { now } from "~/clock.server";
import { db } from "~/db.server";
import { formatUkClock, formatUkLongDate, joinOpensAt } from "./times";
import { hasEnded, webinarWhen } from "./webinar-records.server";

/**
 * The personal joining page (/j/<token>) and the Join button. Mail scanners such as NHSmail's Safe
 * Links open every link in an email, so showing the page records nothing; only the button's POST
 * records attendance and hands over the meeting link, and only from 30 minutes before the start
 * until the end, for a place that is still approved.
 */

export type JoinState =
  /** Approved, and the Join button works now. */
  | "open"
  /** Approved, but it is too early. */
  | "before"
  | "ended"
  | "webinar-cancelled"
  /** The member cancelled their place. */
  | "cancelled"
  | "declined"
  /** Anything else that means this link is no longer theirs to use (e.g. they left the network). */
  | "unavailable";

export interface JoiningPage {
  state: JoinState;
  webinar: { id: number; title: string; when: string; opens: string; cancelReason: string | null };
  fullName: string;
}

const MAX_TOKEN_LENGTH = 64;

function placeFor(executor: Kysely<DB>) {
  return executor
    .selectFrom("webinar_registrations")
    .innerJoin("webinars", "webinars.id", "webinar_registrations.webinar_id")
    .innerJoin("users", "users.id", "webinar_registrations.user_id")
    .select([
      "webinar_registrations.id as registrationId",
      "webinar_registrations.status",
      "webinars.id as webinarId",
      "webinars.title",
      "webinars.starts_at",
      "webinars.ends_at",
      "webinars.cancelled_at",
      "webinars.cancel_reason",
      "webinars.meeting_url",
      "users.full_name",
      "users.status as userStatus",
    ]);
}

type Place = NonNullable<Awaited<ReturnType<ReturnType<typeof placeFor>["executeTakeFirst"]>>>;

function stateOf(place: Place, at: Date): JoinState {
  if (place.userStatus !== "active") return "unavailable";
  if (place.cancelled_at) return "webinar-cancelled";
  if (place.status === "cancelled") return "cancelled";
  if (place.status === "declined") return "declined";
  if (place.status !== "approved") return "unavailable";
  if (hasEnded(place, at)) return "ended";
  return at < joinOpensAt(place.starts_at) ? "before" : "open";
}

function pageOf(place: Place, at: Date): JoiningPage {
  const opens = joinOpensAt(place.starts_at);
  return {
    state: stateOf(place, at),
    webinar: {
      id: place.webinarId,
      title: place.title,
      when: webinarWhen(place),
      opens: `${formatUkClock(opens)} on ${formatUkLongDate(opens)}`,
      cancelReason: place.cancel_reason,
    },
    fullName: place.full_name,
  };
}

async function placeForToken(token: string, executor: Kysely<DB> = db()): Promise<Place | undefined> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return undefined;
  return placeFor(executor)
    .innerJoin("webinar_link_tokens", "webinar_link_tokens.registration_id", "webinar_registrations.id")
    .where("webinar_link_tokens.token_hash", "=", hashSecret(token))
    .executeTakeFirst();
}

/** What the personal page shows; undefined for a link that never existed. Records nothing. */
export async function getJoiningPage(token: string): Promise<JoiningPage | undefined> {
  const place = await placeForToken(token);
  return place ? pageOf(place, now()) : undefined;
}

export type JoinResult = { ok: true; meetingUrl: string } | { ok: false; page: JoiningPage } | { ok: false; page: undefined };

async function recordJoin(place: Place, browserId: string): Promise<JoinResult> {
  const at = now();
  const page = pageOf(place, at);
  if (page.state !== "open") return { ok: false, page };
  await db()
    .insertInto("webinar_joins")
    .values({ registration_id: place.registrationId, browser_hash: hashSecret(`browser:${browserId}`), joined_at: at.toISOString() })
    .execute();
  return { ok: true, meetingUrl: place.meeting_url };
}

/** The Join button on the personal page: records attendance (with the browser) and gives the meeting link. */
export async function joinWithToken(token: string, browserId: string): Promise<JoinResult> {
  const place = await placeForToken(token);
  if (!place) return { ok: false, page: undefined };
  return recordJoin(place, browserId);
}

/** The Join button on the webinar's page, for a signed-in member with a place (no email needed). */
export async function joinAsMember(userId: number, webinarId: number, browserId: string): Promise<JoinResult> {
  const place = await placeFor(db())
    .where("webinar_registrations.webinar_id", "=", webinarId)
    .where("webinar_registrations.user_id", "=", userId)
    .executeTakeFirst();
  if (!place) return { ok: false, page: undefined };
  return recordJoin(place, browserId);
}
