import type { Webinar, WebinarRegistration } from "#db/schema";
import { now, nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { paginate } from "~/lib/paging.server";
import { parseAnswers, parseQuestions } from "./questions";
import { formatDuration, formatUkClock, formatUkLongDate, joinOpensAt } from "./times";
import { countWithStatus, hasEnded, hasStarted, joiningLinksDue, linksSendAtText, registrationIsOpen, webinarWhen } from "./webinar-records.server";

/**
 * What the public webinar pages show. Built field by field, so the meeting link can never reach a
 * page or the browser by accident.
 */

/** What the upcoming list and a webinar's own page both show of a webinar. */
export interface WebinarSummary {
  id: number;
  title: string;
  when: string;
  duration: string;
  speakers: string;
  cancelled: boolean;
  placesLeft: number;
  registrationOpen: boolean;
}

function durationOf(webinar: Webinar): string {
  return formatDuration(Math.round((Date.parse(webinar.ends_at) - Date.parse(webinar.starts_at)) / 60_000));
}

/** The start of a description, about `max` characters cut at a word, for a list. */
function teaserOf(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  // A first word longer than the teaser (a long web address) is cut where the teaser ends.
  const cut = flat.lastIndexOf(" ", max);
  return `${flat.slice(0, cut > 0 ? cut : max)}…`;
}

function summaryOf(webinar: Webinar, approved: number): WebinarSummary {
  return {
    id: webinar.id,
    title: webinar.title,
    when: webinarWhen(webinar),
    duration: durationOf(webinar),
    speakers: webinar.speakers,
    cancelled: webinar.cancelled_at !== null,
    placesLeft: Math.max(0, webinar.capacity - approved),
    registrationOpen: registrationIsOpen(webinar),
  };
}

async function approvedCounts(ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db()
    .selectFrom("webinar_registrations")
    .select(["webinar_id", (eb) => eb.fn.countAll<number>().as("count")])
    .where("webinar_id", "in", ids)
    .where("status", "=", "approved")
    .groupBy("webinar_id")
    .execute();
  return new Map(rows.map((row) => [row.webinar_id, Number(row.count)]));
}

/** Webinars not yet over (cancelled ones too, marked), soonest first, with the member's own status. */
export async function listUpcomingWebinars(userId: number | null) {
  const webinars = await db().selectFrom("webinars").selectAll().where("ends_at", ">", nowIso()).orderBy("starts_at").orderBy("id").execute();
  const counts = await approvedCounts(webinars.map((webinar) => webinar.id));
  const mine = userId === null ? new Map<number, string>() : await statusesOf(userId, webinars.map((webinar) => webinar.id));
  // The list shows a teaser of each description, cut here rather than in the browser; a webinar's own page the whole.
  return webinars.map((webinar) => ({
    ...summaryOf(webinar, counts.get(webinar.id) ?? 0),
    teaser: teaserOf(webinar.description),
    myStatus: mine.get(webinar.id) ?? null,
  }));
}

async function statusesOf(userId: number, webinarIds: number[]): Promise<Map<number, string>> {
  if (webinarIds.length === 0) return new Map();
  const rows = await db()
    .selectFrom("webinar_registrations")
    .select(["webinar_id", "status"])
    .where("user_id", "=", userId)
    .where("webinar_id", "in", webinarIds)
    .execute();
  return new Map(rows.map((row) => [row.webinar_id, row.status]));
}

export const PAST_PAGE_SIZE = 20;

/** Webinars that have taken place, newest first (cancelled ones left out). */
export async function listPastWebinars(page: number) {
  const filtered = db().selectFrom("webinars").where("ends_at", "<=", nowIso()).where("cancelled_at", "is", null);
  const result = await paginate(filtered, { page, pageSize: PAST_PAGE_SIZE }, (query) =>
    query.select(["id", "title", "speakers", "starts_at", "ends_at"]).orderBy("starts_at", "desc").orderBy("id", "desc"),
  );
  return { ...result, rows: result.rows.map((webinar) => ({ id: webinar.id, title: webinar.title, when: webinarWhen(webinar), speakers: webinar.speakers })) };
}

export interface MyPlace {
  status: WebinarRegistration["status"];
  registeredAt: string;
  declineReason: string | null;
  /** 1 for first in line. */
  waitlistPosition: number | null;
  linksSentAt: string | null;
  answers: Array<{ question: string; answer: string }>;
}

/** One webinar's page: the facts, the questions, and the signed-in member's place if they have one. */
export async function getWebinarPage(webinarId: number, userId: number | null) {
  const webinar = await db().selectFrom("webinars").selectAll().where("id", "=", webinarId).executeTakeFirst();
  if (!webinar) return undefined;
  const approved = await countWithStatus(db(), webinarId, "approved");
  const series = webinar.series_id
    ? await db().selectFrom("webinar_series").select(["id", "title"]).where("id", "=", webinar.series_id).executeTakeFirst()
    : undefined;
  const registration =
    userId === null
      ? undefined
      : await db().selectFrom("webinar_registrations").selectAll().where("webinar_id", "=", webinarId).where("user_id", "=", userId).executeTakeFirst();
  let myPlace: MyPlace | null = null;
  if (registration) {
    const answers = parseAnswers(registration.answers_json);
    let waitlistPosition: number | null = null;
    if (registration.status === "waitlisted" && registration.waitlisted_at) {
      const { ahead } = await db()
        .selectFrom("webinar_registrations")
        .select((eb) => eb.fn.countAll<number>().as("ahead"))
        .where("webinar_id", "=", webinarId)
        .where("status", "=", "waitlisted")
        .where((eb) =>
          eb.or([
            eb("waitlisted_at", "<", registration.waitlisted_at),
            eb.and([eb("waitlisted_at", "=", registration.waitlisted_at), eb("id", "<", registration.id)]),
          ]),
        )
        .executeTakeFirstOrThrow();
      waitlistPosition = Number(ahead) + 1;
    }
    myPlace = {
      status: registration.status,
      registeredAt: registration.registered_at,
      declineReason: registration.decline_reason,
      waitlistPosition,
      linksSentAt: registration.links_sent_at,
      answers: parseQuestions(webinar.questions_json).flatMap((question) =>
        answers[question.id] ? [{ question: question.label, answer: answers[question.id] as string }] : [],
      ),
    };
  }
  const at = now();
  const opens = joinOpensAt(webinar.starts_at);
  return {
    webinar: {
      ...summaryOf(webinar, approved),
      audience: webinar.audience,
      description: webinar.description,
      cancelReason: webinar.cancel_reason,
      started: hasStarted(webinar, at),
      ended: hasEnded(webinar, at),
      joinOpen: at >= opens && !hasEnded(webinar, at) && !webinar.cancelled_at,
      joinOpens: `${formatUkClock(opens)} on ${formatUkLongDate(opens)}`,
      linksDue: joiningLinksDue(webinar, at),
      linksSendAt: linksSendAtText(webinar),
      series: series ?? null,
      questions: parseQuestions(webinar.questions_json),
    },
    myPlace,
  };
}
