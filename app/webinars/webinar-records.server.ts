import type { Kysely } from "kysely";
import type { DB, User, Webinar, WebinarRegistrationStatus } from "#db/schema";
import type { WebinarEmailProps } from "#emails/webinar-parts";
import { now } from "~/clock.server";
import { db } from "~/db.server";
import { formatUkClock, formatUkLongDate, formatWebinarWhen, joiningLinksSendAt } from "./times";

/** Small reads and facts about webinars that the domain modules share. */

export async function findWebinar(id: number, executor: Kysely<DB> = db()): Promise<Webinar | undefined> {
  return executor.selectFrom("webinars").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Registrations that still hold or want a place (the people to tell when something changes). */
export const ACTIVE_STATUSES: readonly WebinarRegistrationStatus[] = ["pending", "approved", "waitlisted"];

/**
 * A webinar's registrations, each with its registrant's address, name and status (as `userStatus`).
 * Callers narrow it with where, orderBy and limit.
 */
export function registrationsWithRegistrant(executor: Kysely<DB>, webinarId: number) {
  return executor
    .selectFrom("webinar_registrations")
    .innerJoin("users", "users.id", "webinar_registrations.user_id")
    .selectAll("webinar_registrations")
    .select(["users.email", "users.full_name", "users.status as userStatus"])
    .where("webinar_registrations.webinar_id", "=", webinarId);
}

/** The member a registration belongs to, as the emails about places need them. */
export type Registrant = Pick<User, "email" | "full_name" | "status">;

/** The registrant in a registrationsWithRegistrant row. */
export function registrantIn(row: { email: string; full_name: string; userStatus: User["status"] }): Registrant {
  return { email: row.email, full_name: row.full_name, status: row.userStatus };
}

export async function countWithStatus(executor: Kysely<DB>, webinarId: number, status: WebinarRegistrationStatus): Promise<number> {
  const { count } = await executor
    .selectFrom("webinar_registrations")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("webinar_id", "=", webinarId)
    .where("status", "=", status)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export function hasEnded(webinar: Pick<Webinar, "ends_at">, at: Date = now()): boolean {
  return at.getTime() >= new Date(webinar.ends_at).getTime();
}

export function hasStarted(webinar: Pick<Webinar, "starts_at">, at: Date = now()): boolean {
  return at.getTime() >= new Date(webinar.starts_at).getTime();
}

/** Whether joining links should go out now: from the send time until the end, unless cancelled. */
export function joiningLinksDue(webinar: Pick<Webinar, "starts_at" | "ends_at" | "cancelled_at">, at: Date = now()): boolean {
  return !webinar.cancelled_at && at >= joiningLinksSendAt(webinar.starts_at) && !hasEnded(webinar, at);
}

/** Registration is possible while staff keep it open and until the webinar starts. */
export function registrationIsOpen(webinar: Pick<Webinar, "registration_open" | "cancelled_at" | "starts_at">, at: Date = now()): boolean {
  return webinar.registration_open === 1 && !webinar.cancelled_at && !hasStarted(webinar, at);
}

/** "at 10am on Wednesday 7 April 2027" */
export function linksSendAtText(webinar: Pick<Webinar, "starts_at">): string {
  const sendAt = joiningLinksSendAt(webinar.starts_at);
  return `at ${formatUkClock(sendAt)} on ${formatUkLongDate(sendAt)}`;
}

export function webinarWhen(webinar: Pick<Webinar, "starts_at" | "ends_at">): string {
  return formatWebinarWhen(webinar.starts_at, webinar.ends_at);
}

/** The props every email about one person's place in a webinar starts from. */
export function webinarEmailProps(webinar: Webinar, fullName: string): WebinarEmailProps {
  return { fullName, title: webinar.title, when: webinarWhen(webinar), webinarId: webinar.id };
}
