import { redirect } from "@remix-run/node";
import type { Session, User } from "#db/schema";
import { findUserById } from "./users.server";
import { grantsOf, type Role, type RoleGrant } from "./roles.server";
import { sessionFromRequest } from "./sessions.server";

export interface CurrentUser {
  user: User;
  session: Session;
  /** A network-wide admin (staff). */
  isAdmin: boolean;
  /** Every role the member holds, network-wide (scope null) or on one thing (e.g. a workspace). */
  roles: RoleGrant[];
}

// The root loader and the page's own loader both ask about the same request: look it up once.
const currentUsers = new WeakMap<Request, Promise<CurrentUser | null>>();

/** The signed-in, active member making the request, or null. */
export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let current = currentUsers.get(request);
  if (!current) {
    current = lookUpCurrentUser(request);
    currentUsers.set(request, current);
  }
  return current;
}

async function lookUpCurrentUser(request: Request): Promise<CurrentUser | null> {
  const session = await sessionFromRequest(request);
  if (!session) return null;
  const user = await findUserById(session.user_id);
  if (!user || user.status !== "active") return null;
  const roles = await grantsOf(user.id);
  return { user, session, roles, isAdmin: roles.some((grant) => grant.role === "admin" && grant.scope === null) };
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

/**
 * For staff tools: admins only; other members get 403, visitors are sent to sign in. Only in routes with
 * a page (and so an ErrorBoundary): a resource route uses requireAdminForResource.
 */
export async function requireAdmin(request: Request): Promise<CurrentUser> {
  const current = await requireUser(request);
  if (!current.isAdmin) throw new Response("Forbidden", { status: 403 });
  return current;
}

/**
 * requireAdmin for a staff resource route (a download, an iframe's HTML): it has no page, so a refusal
 * thrown there would reach the browser as bare text. A member who is not staff is sent instead to
 * `page`, the staff page the resource belongs to, whose own check answers with the portal's 403 page.
 * The route sends a missing resource there too, for the page's 404. Visitors are sent to sign in.
 */
export async function requireAdminForResource(request: Request, page: string): Promise<CurrentUser> {
  const current = await requireUser(request);
  if (!current.isAdmin) throw redirect(page);
  return current;
}

/** Whether the member holds `role` on `scope` (admins hold every role everywhere). */
export function holdsRole(current: CurrentUser, role: Role, scope: string): boolean {
  return current.isAdmin || current.roles.some((grant) => grant.role === role && grant.scope === scope);
}

/** For actions scoped to one thing, e.g. moderating a workspace: its role-holders and admins; others get 403. */
export async function requireRole(request: Request, role: Role, scope: string): Promise<CurrentUser> {
  const current = await requireUser(request);
  if (!holdsRole(current, role, scope)) throw new Response("Forbidden", { status: 403 });
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
  // Dot segments can leave a path that starts "//" ("/.//evil.example"), which a browser reads as another site.
  if (url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
