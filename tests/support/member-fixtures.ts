import type { NewUser, User } from "#db/schema";
import { db } from "~/db.server";
import { grantRole } from "~/membership/roles.server";
import { createSession, sessionCookieName } from "~/membership/sessions.server";
import { addMember } from "./membership";

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
