import type { Kysely } from "kysely";
import type { DB, WebinarRegistrationStatus } from "#db/schema";
import { now, nowIso } from "~/clock.server";
import type { Database } from "~/db.server";
import { approveRegistrations, declineRegistrations } from "./approve-registration.server";
import { cancelRegistration } from "./cancel-registration.server";
import { createWebinar, topUpSeries } from "./manage-webinars.server";
import { registerForWebinar } from "./register-for-webinar.server";
import { ukDate, ukLocalInstant } from "~/ui/dates";
import { addDaysToDate } from "./times";

/**
 * Fictional demo webinars: a fortnightly series with three past occurrences (with attendance, one
 * link flagged as possibly shared) and six to come, and a small one-off clinic that is full. The
 * upcoming registrations go through the real steps, so /dev/mail shows the emails they send, and
 * the demo member has an approved place at the next webinar.
 */

const SERIES_TITLE = "Fortnightly network webinar";
const MEETING_URL = "https://meet.example.org/spn-network-webinar";
const DEMO_MEMBER = "demo.member@nhs.net";

const TOPICS = [
  {
    title: "Green social prescribing through the winter",
    description: "How link workers keep people connected to nature-based activities when the days are short: indoor growing, winter walking groups and wildlife volunteering.",
    speakers: "Ruth Okonjo, Ashbourne Community Gardens; Ben Hallam, link worker",
  },
  {
    title: "Working with housing teams",
    description: "Building a referral route with the local council's housing officers, and what to do while someone waits for a decision.",
    speakers: "Carys Pugh, housing support officer; Amir Saleem, link worker",
  },
  {
    title: "Caseload supervision that works",
    description: "Practical models for regular supervision of link workers, from one-to-one sessions to peer groups across a primary care network.",
    speakers: "Helen Doyle, social prescribing lead",
  },
  {
    title: "Supporting carers",
    description: "Recognising unpaid carers among the people referred to you, and the local and national support you can connect them with.",
    speakers: "Marta Silva, carers' centre manager",
  },
  {
    title: "Measuring what matters",
    description: "Using wellbeing measures well: when to ask, how to record the answers and how to show the difference your service makes.",
    speakers: "Dr Kwame Asante, evaluation lead",
  },
];

function topic(index: number) {
  return TOPICS[index % TOPICS.length] as (typeof TOPICS)[number];
}

async function idsByEmail(database: Database): Promise<Map<string, number>> {
  const rows = await database.selectFrom("users").select(["id", "email"]).where("status", "=", "active").execute();
  return new Map(rows.map((row) => [row.email, row.id]));
}

/** The next Wednesday after today (UK), so the demo's next webinar is always a few days away. */
function nextWednesday(): string {
  const today = ukDate(now());
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  return addDaysToDate(today, ((3 - weekday + 7) % 7) || 7);
}

async function insertPastRegistrations(trx: Kysely<DB>, webinarId: number, startsAt: string, people: Array<[number, WebinarRegistrationStatus, number]>) {
  const registeredAt = new Date(Date.parse(startsAt) - 10 * 24 * 60 * 60_000).toISOString();
  const linksAt = new Date(Date.parse(startsAt) - 3 * 60 * 60_000).toISOString();
  for (const [userId, status, browsers] of people) {
    const registration = await trx
      .insertInto("webinar_registrations")
      .values({
        webinar_id: webinarId,
        user_id: userId,
        status,
        registered_at: registeredAt,
        decided_at: registeredAt,
        links_sent_at: status === "approved" ? linksAt : null,
        updated_at: registeredAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let browser = 0; browser < browsers; browser += 1) {
      const joinedAt = new Date(Date.parse(startsAt) - (10 - browser * 3) * 60_000).toISOString();
      await trx.insertInto("webinar_joins").values({ registration_id: registration.id, browser_hash: `demo-browser-${userId}-${browser}`, joined_at: joinedAt }).execute();
    }
  }
}

export async function seedDemoWebinars(database: Database): Promise<string> {
  const existing = await database.selectFrom("webinar_series").select("id").where("title", "=", SERIES_TITLE).executeTakeFirst();
  if (existing) return "";
  const people = await idsByEmail(database);
  const admin = people.get("demo.admin@nhs.net");
  const member = people.get(DEMO_MEMBER);
  const [tom, sian, daniel, grace, aisha] = ["tom.okafor@nhs.net", "sian.hughes@nhs.net", "daniel.reid@nhs.net", "grace.mensah@nhs.net", "aisha.rahman@nhs.net"].map((email) =>
    people.get(email),
  );
  if (!admin || !member || !tom || !sian || !daniel || !grace || !aisha) return "";

  const firstDate = addDaysToDate(nextWednesday(), -42);
  const upcomingIds = await database.transaction().execute(async (trx) => {
    const at = nowIso();
    const series = await trx
      .insertInto("webinar_series")
      .values({
        title: SERIES_TITLE,
        description: "The network's webinar every other Wednesday: a topic from practice, a speaker or two, and time for your questions.",
        speakers: "",
        audience: "Social prescribing link workers, and the people who manage, supervise and commission them",
        first_date: firstDate,
        local_start_time: "13:00",
        duration_minutes: 60,
        capacity: 300,
        meeting_url: MEETING_URL,
        questions_json: JSON.stringify([{ id: "q1", label: "What would you like the speakers to cover? (optional)" }]),
        created_by: admin,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // The three occurrences already held, with who came (Tom's link was opened in three browsers).
    const attendance: Array<Array<[number, WebinarRegistrationStatus, number]>> = [
      [[member, "approved", 1], [tom, "approved", 1], [grace, "approved", 0], [aisha, "declined", 0]],
      [[member, "approved", 1], [tom, "approved", 3], [sian, "cancelled", 0], [daniel, "approved", 1]],
      [[member, "approved", 0], [grace, "approved", 1], [aisha, "approved", 2]],
    ];
    for (const [index, people] of attendance.entries()) {
      const startsAt = ukLocalInstant(addDaysToDate(firstDate, index * 14), "13:00").toISOString();
      const webinar = await trx
        .insertInto("webinars")
        .values({
          series_id: series.id,
          series_index: index,
          ...topic(index + 2),
          audience: series.audience,
          starts_at: startsAt,
          ends_at: new Date(Date.parse(startsAt) + 60 * 60_000).toISOString(),
          capacity: 300,
          meeting_url: MEETING_URL,
          questions_json: series.questions_json,
          created_by: admin,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await insertPastRegistrations(trx, webinar.id, startsAt, people);
    }
    await topUpSeries(trx, series);
    // Each occurrence to come gets its own topic, as staff would set when they plan it.
    const upcoming = await trx.selectFrom("webinars").select(["id", "series_index"]).where("series_id", "=", series.id).where("series_index", ">=", 3).orderBy("series_index").execute();
    for (const occurrence of upcoming) {
      await trx.updateTable("webinars").set(topic(occurrence.series_index ?? 0)).where("id", "=", occurrence.id).execute();
    }
    return upcoming.map((occurrence) => occurrence.id);
  });

  // The next webinar, through the real steps: every state, and the demo member approved.
  const next = upcomingIds[0] as number;
  const registered = new Map<number, number>();
  for (const userId of [member, tom, daniel, sian, grace, aisha]) {
    const result = await registerForWebinar(userId, next, userId === member ? { q1: "How other PCNs handle referrals from housing teams." } : {});
    if ("registration" in result) registered.set(userId, result.registration.id);
  }
  const registrationOf = (userId: number) => registered.get(userId) as number;
  await approveRegistrations(admin, next, [member, grace, aisha].map(registrationOf));
  await declineRegistrations(admin, next, [registrationOf(daniel)], "This webinar is for people working with link workers day to day; we will tell you about the next session for commissioners.");
  await cancelRegistration(sian, next);

  // A small one-off clinic in three weeks that is already full, so it has a waiting list.
  const clinicDate = addDaysToDate(nextWednesday(), 21);
  const clinic = await createWebinar(admin, {
    title: "Small-group clinic: writing referral notes that help",
    description: "A hands-on session for up to 3 link workers: bring an anonymised referral note and work on it together with an experienced practitioner.",
    speakers: "Joanne Whitfield, senior link worker",
    audience: "Link workers in their first year",
    capacity: 3,
    meetingUrl: "https://meet.example.org/spn-referral-clinic",
    registrationOpen: true,
    questions: [],
    date: clinicDate,
    startTime: "10:30",
    durationMinutes: 90,
  });
  if (clinic.ok) {
    for (const userId of [grace, aisha, tom, sian, daniel]) await registerForWebinar(userId, clinic.id);
    await approveRegistrations(admin, clinic.id, "all-pending");
    const pending = await registerForWebinar(member, clinic.id);
    if (pending.outcome !== "registered") throw new Error("The demo member could not register for the clinic");
  }
  return `1 webinar series (${upcomingIds.length + 3} webinars) and 1 webinar`;
}
