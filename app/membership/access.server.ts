import { redirect } from "@remix-run/node";
import type { Session, User } from "#db/schema";
import { findUserById } from "./members.server";
import { hasRole } from "./roles.server";
import { sessionFromRequest } from "./sessions.server";

export interface CurrentUser {
  user: User;
  session: Session;
  isAdmin: boolean;
}

/** The signed-in, active member making the request, or null. */
export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const session = await sessionFromRequest(request);
  if (!session) return null;
  const user = await findUserById(session.user_id);
  if (!user || user.status !== "active") return null;
  return { user, session, isAdmin: await hasRole(user.id, "admin") };
}

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  return redirect(`/sign-in?${params}`);
}

/** For member-only loaders and actions: the member, or a redirect to sign in and come back. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const current = await getCurrentUser(request);
  if (!current) throw signInRedirect(request);
  return current;
}

/** For staff tools: admins only; other members get 403, visitors are sent to sign in. */
export async function requireAdmin(request: Request): Promise<CurrentUser> {
  const current = await requireUser(request);
  if (!current.isAdmin) throw new Response("Forbidden", { status: 403 });
  return current;
}

/**
 * Only same-site paths may be used as a post-sign-in destination. The value is parsed the way a
 * browser would, because browsers drop tabs and newlines and read "\\" as "/": "/\t/evil.example"
 * would otherwise pass a prefix check and still leave the site.
 */
export function safeRedirectPath(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  const base = "http://portal.invalid";
  const url = new URL(value, base);
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
