import type { Kysely } from "kysely";
import type { DB, Session } from "#db/schema";
import { now } from "~/clock.server";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { readCookie } from "~/lib/cookies.server";
import { hashesMatch, hashSecret, randomToken } from "./tokens.server";

/**
 * Sessions in the design of Lucia's guide (docs/decisions/0004-sessions.md): the cookie holds
 * "<id>.<secret>", the database keeps only a keyed hash of the secret, expiry slides with use.
 */
const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60_000;
/** Extend a session at most hourly, so active members are not written to on every request. */
const REFRESH_AFTER_MS = 60 * 60_000;

export function sessionCookieName(): string {
  // The __Host- prefix pins the cookie to this origin, path / and Secure; only possible over https.
  return config().secureCookies ? "__Host-spn_session" : "spn_session";
}

export async function createSession(userId: number): Promise<{ token: string; session: Session }> {
  const id = randomToken(15);
  const secret = randomToken(20);
  const at = now();
  const session: Session = {
    id,
    secret_hash: hashSecret(secret),
    user_id: userId,
    created_at: at.toISOString(),
    last_verified_at: at.toISOString(),
    expires_at: new Date(at.getTime() + SESSION_LIFETIME_MS).toISOString(),
  };
  await db().insertInto("sessions").values(session).execute();
  return { token: `${id}.${secret}`, session };
}

/** The live session a token belongs to, extending it when due; null for anything else. */
export async function validateSessionToken(token: string): Promise<Session | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined) return null;
  const session = await db().selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!session || !hashesMatch(session.secret_hash, hashSecret(secret))) return null;
  const at = now();
  if (new Date(session.expires_at) <= at) {
    await invalidateSession(session.id);
    return null;
  }
  if (at.getTime() - new Date(session.last_verified_at).getTime() >= REFRESH_AFTER_MS) {
    session.last_verified_at = at.toISOString();
    session.expires_at = new Date(at.getTime() + SESSION_LIFETIME_MS).toISOString();
    await db()
      .updateTable("sessions")
      .set({ last_verified_at: session.last_verified_at, expires_at: session.expires_at })
      .where("id", "=", session.id)
      .execute();
  }
  return session;
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await db().deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Ends every session of the user, except the one to keep (the member's own, when they change address). */
export async function invalidateUserSessions(userId: number, executor: Kysely<DB> = db(), keepSessionId?: string): Promise<void> {
  let query = executor.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepSessionId) query = query.where("id", "!=", keepSessionId);
  await query.execute();
}

function cookieAttributes(maxAgeSeconds: number): string {
  const secure = config().secureCookies ? "; Secure" : "";
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

/** Set-Cookie value for a new session. The database, not the cookie, decides expiry. */
export function sessionCookie(token: string): string {
  return `${sessionCookieName()}=${token}; ${cookieAttributes(400 * 24 * 60 * 60)}`;
}

export function clearedSessionCookie(): string {
  return `${sessionCookieName()}=; ${cookieAttributes(0)}`;
}

/** The live session the request's cookie belongs to, or null. */
export async function sessionFromRequest(request: Request): Promise<Session | null> {
  const token = readSessionToken(request);
  return token ? validateSessionToken(token) : null;
}

export function readSessionToken(request: Request): string | null {
  return readCookie(request, sessionCookieName()) || null;
}
