import { afterEach, beforeAll, beforeEach } from "vitest";
import type { NewUser } from "#db/schema";
import { nowIso, testClock } from "~/clock.server";
import { db, type Database } from "~/db.server";
import { clearDatabase, testDatabase } from "./database";

/**
 * The setup shared by the test files about joining, signing in and changing address: a migrated
 * database emptied before each test, and the real clock again after any test that moved it.
 * Call at the top of the file; returns the database and a client address for requests.
 */
export function setUpMembershipTests(): { database: Database; ip: string } {
  beforeAll(() => testDatabase());
  beforeEach(async () => {
    await clearDatabase(db());
    testClock.reset();
  });
  afterEach(() => testClock.reset());
  return { database: db(), ip: "198.51.100.7" };
}

/** Adds a member directly (status active unless given), returning their id. */
export async function addMember(database: Database, email: string, overrides: Partial<NewUser> = {}): Promise<number> {
  const at = nowIso();
  const values: NewUser = {
    email,
    full_name: "Sam Member",
    organisation: "Riverside PCN",
    job_role: "link-worker",
    region: "london",
    workspace_interests_json: "[]",
    bulletin_opt_in: 0,
    events_opt_in: 0,
    status: "active",
    email_verified_at: at,
    created_at: at,
    updated_at: at,
    ...overrides,
  };
  const row = await database.insertInto("users").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** The newest email queued to an address (from the outbox), with its code and link if it has them. */
export async function lastEmailTo(database: Database, to: string) {
  const mail = await database
    .selectFrom("outbox")
    .selectAll()
    .where("to_address", "=", to)
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!mail) return undefined;
  const link = /https?:\/\/\S+\/verify\/([a-z0-9]+)\?token=([a-z0-9]+)/.exec(mail.text);
  return {
    template: mail.template,
    subject: mail.subject,
    text: mail.text,
    code: /\b(\d{6})\b/.exec(mail.text)?.[1],
    publicId: link?.[1],
    token: link?.[2],
  };
}

export async function emailsTo(database: Database, to: string) {
  return database.selectFrom("outbox").select(["template", "subject"]).where("to_address", "=", to).orderBy("id").execute();
}
