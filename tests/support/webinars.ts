import type { User } from "#db/schema";
import { db } from "~/db.server";
import { approveRegistrations } from "~/webinars/approve-registration.server";
import { createSeries, createWebinar } from "~/webinars/manage-webinars.server";
import { registerForWebinar } from "~/webinars/register-for-webinar.server";
import type { WebinarDetails, WebinarTiming } from "~/webinars/webinar-form-schema";
import { createMember } from "./fixtures";

/** Webinars for the integration tests; meeting links are example addresses (tests never reach other hosts). */

export const MEETING_URL = "https://meet.example.org/spn-test-webinar";

export function webinarInput(overrides: Partial<WebinarDetails & WebinarTiming> = {}): WebinarDetails & WebinarTiming {
  return {
    title: "Supporting carers",
    description: "Recognising unpaid carers among the people referred to you.",
    speakers: "Marta Silva",
    audience: "Link workers",
    capacity: 300,
    meetingUrl: MEETING_URL,
    registrationOpen: true,
    questions: [],
    date: "2027-04-07",
    startTime: "13:00",
    durationMinutes: 60,
    ...overrides,
  };
}

/** Creates a webinar as staff would (the clock must be before its start); returns its id. */
export async function newWebinar(adminId: number, overrides: Partial<WebinarDetails & WebinarTiming> = {}): Promise<number> {
  const result = await createWebinar(adminId, webinarInput(overrides));
  if (!result.ok) throw new Error(`could not create the webinar: ${JSON.stringify(result)}`);
  return result.id;
}

export async function newSeries(adminId: number, overrides: Partial<WebinarDetails & WebinarTiming> = {}): Promise<number> {
  const result = await createSeries(adminId, webinarInput(overrides));
  if (!result.ok) throw new Error(`could not create the series: ${JSON.stringify(result)}`);
  return result.id;
}

/** A member registered for the webinar; returns the member and the registration id. */
export async function registeredMember(webinarId: number, overrides: Partial<User> = {}): Promise<{ member: User; registrationId: number }> {
  const member = await createMember(overrides);
  const result = await registerForWebinar(member.id, webinarId);
  if (!("registration" in result)) throw new Error(`could not register: ${result.outcome}`);
  return { member, registrationId: result.registration.id };
}

/** A member registered and approved by staff. */
export async function approvedMember(webinarId: number, adminId: number, overrides: Partial<User> = {}) {
  const registered = await registeredMember(webinarId, overrides);
  await approveRegistrations(adminId, webinarId, [registered.registrationId]);
  return registered;
}

/** Queued emails of one template, oldest first (a bulk email's text and HTML are its campaign's body). */
export async function queuedEmails(template: string) {
  const rows = await db()
    .selectFrom("outbox")
    .leftJoin("outbox_bodies", "outbox_bodies.id", "outbox.body_id")
    .select(["outbox.to_address", "outbox.subject", "outbox.text", "outbox.html", "outbox_bodies.text as bodyText", "outbox_bodies.html as bodyHtml"])
    .where("outbox.template", "=", template)
    .orderBy("outbox.id")
    .execute();
  return rows.map((row) => ({ to_address: row.to_address, subject: row.subject, text: row.bodyText ?? row.text, html: row.bodyHtml ?? row.html }));
}

/** The token in the newest joining-link email to an address. */
export async function joiningTokenFor(email: string): Promise<string> {
  const mail = await db()
    .selectFrom("outbox")
    .select("text")
    .where("template", "=", "webinar-joining-link")
    .where("to_address", "=", email)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  const token = /\/j\/([a-z2-7]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error("no joining link in the email");
  return token;
}

/** The staff "new webinar" form filled in as a person would, for tests that submit it. */
export const validWebinarForm = {
  title: "Working with housing teams",
  description: "Building a referral route with housing officers.",
  day: "21",
  month: "4",
  year: "2027",
  startTime: "13:00",
  durationMinutes: "60",
  capacity: "300",
  meetingUrl: "https://meet.example.org/housing",
  registrationOpen: "on",
};
