import { afterEach, beforeAll, beforeEach } from "vitest";
import type { NewUser, User } from "#db/schema";
import { grantRole } from "~/auth/roles.server";
import { createSession, sessionCookieName } from "~/auth/sessions.server";
import { nowIso, testClock } from "~/clock.server";
import { db, type Database } from "~/db.server";
import { clearDatabase, testDatabase } from "./database";

/**
 * Test fixtures shared by every integration test: the database set-up, members and admins, signed-in
 * requests, and reading queued email.
 */

/**
 * A migrated database emptied before each test, and the real clock again after any test that
 * moved it. Call at the top of the file; returns the database and a client address for requests.
 */
export function setUpDatabaseTests(): { database: Database; ip: string } {
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

let counter = 0;

/** A member row (see addMember) with a unique address and name unless given; returns the whole row. */
export async function createMember(overrides: Partial<NewUser> = {}): Promise<User> {
  counter += 1;
  const id = await addMember(db(), overrides.email ?? `member${counter}@nhs.net`, {
    full_name: `Test Member ${counter}`,
    organisation: "Test PCN",
    ...overrides,
  });
  return db().selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

export async function createAdmin(overrides: Partial<NewUser> = {}): Promise<User> {
  const admin = await createMember({ full_name: "Test Admin", ...overrides });
  await grantRole(admin.id, "admin");
  return admin;
}

/** A Cookie header for a new session of the member. */
export async function sessionCookieFor(userId: number): Promise<string> {
  const { token } = await createSession(userId);
  return `${sessionCookieName()}=${token}`;
}

/** A request as a browser would send it, signed in when `cookie` is given; a body makes it a form POST. */
export function pageRequest(path: string, options: { cookie?: string; form?: Record<string, string | string[]> } = {}): Request {
  const headers = new Headers();
  if (options.cookie) headers.set("Cookie", options.cookie);
  if (!options.form) return new Request(`http://localhost${path}`, { headers });
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(options.form)) for (const item of [value].flat()) body.append(key, item);
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`http://localhost${path}`, { method: "POST", headers, body });
}

/** The load context the server gives routes (server/index.ts), for calling loaders and actions directly. */
export const testContext = { cspNonce: "test-nonce", clientIp: "127.0.0.1" };

/** The newest email queued to an address (from the outbox), with its code and link if it has them. */
export async function lastEmailTo(database: Database, to: string) {
  const mail = await database.selectFrom("outbox").selectAll().where("to_address", "=", to).orderBy("id", "desc").executeTakeFirst();
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

/** What a loader or action returned for the page, whether plain or wrapped by `data(value, { headers })`. */
export function pageData<T>(result: unknown): T {
  if (result && typeof result === "object" && (result as { type?: unknown }).type === "DataWithResponseInit") {
    return (result as { data: T }).data;
  }
  return result as T;
}

/** What a loader or action gives back: its value, or what it threw (Remix handlers throw redirects and error pages). */
export async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (thrown) {
    return thrown;
  }
}
