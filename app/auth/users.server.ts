import type { Kysely } from "kysely";
import type { DB, User } from "#db/schema";
import { db } from "~/db.server";

/** The person behind an email address: the address someone signs in with is their identity. */

/** One address, one identity: trimmed and lower-cased before it is stored or compared. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(email: string, executor: Kysely<DB> = db()): Promise<User | undefined> {
  return executor.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export async function findUserById(id: number, executor: Kysely<DB> = db()): Promise<User | undefined> {
  return executor.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}
