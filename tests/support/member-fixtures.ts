import type { NewUser, User } from "#db/schema";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { grantRole } from "~/membership/roles.server";
import { createSession, sessionCookieName } from "~/membership/sessions.server";

let counter = 0;

/** A member row with sensible fictional defaults; pass what the test cares about. */
export async function createMember(overrides: Partial<NewUser> = {}): Promise<User> {
  counter += 1;
  const at = nowIso();
  return db()
    .insertInto("users")
    .values({
      email: `member${counter}@nhs.net`,
      full_name: `Test Member ${counter}`,
      organisation: "Test PCN",
      job_role: "link-worker",
      region: "london",
      icb_pcn: null,
      workspace_interests_json: "[]",
      bulletin_opt_in: 0,
      events_opt_in: 0,
      status: "active",
      status_reason: null,
      email_verified_at: at,
      created_at: at,
      updated_at: at,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
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
