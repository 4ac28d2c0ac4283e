import { workspaceDigestEmail, type WorkspaceDigestProps } from "#emails/workspace-digest";
import { hashSecret, randomToken } from "~/auth/tokens.server";
import { now } from "~/clock.server";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { oneClickHeader } from "~/mail/one-click-unsubscribe";
import { enqueueEmail } from "~/mail/outbox.server";
import { formatUkDay, ukDate } from "~/ui/dates";
import type { WorkspaceViewer } from "./access.server";

/**
 * The optional daily email of new threads in the workspaces a member chose: one email per member per
 * UK day at most, through the outbox, with a link per workspace that stops it without signing in
 * (the link opens a page with a button; opening it changes nothing, so mail scanners cannot unsubscribe anyone).
 */

export async function isSubscribed(workspaceId: number, userId: number): Promise<boolean> {
  const row = await db().selectFrom("workspace_digest_subscriptions").select("id").where("workspace_id", "=", workspaceId).where("user_id", "=", userId).executeTakeFirst();
  return row !== undefined;
}

/** A member of the workspace (or a lead) turns its daily email on or off; new threads count from now. */
export async function setDigest(viewer: WorkspaceViewer, on: boolean): Promise<void> {
  const { workspace, current } = viewer;
  if (!on) {
    await db().deleteFrom("workspace_digest_subscriptions").where("workspace_id", "=", workspace.id).where("user_id", "=", current.user.id).execute();
    return;
  }
  const at = now().toISOString();
  await db()
    .insertInto("workspace_digest_subscriptions")
    .values({ workspace_id: workspace.id, user_id: current.user.id, created_at: at, included_until: at })
    .onConflict((oc) => oc.columns(["user_id", "workspace_id"]).doNothing())
    .execute();
}

/** Unsubscribe links keep working for this long after their email. */
const TOKEN_LIFETIME_MS = 90 * 24 * 60 * 60_000;
/** At most this many threads per workspace in one email; the rest are on the workspace page. */
const THREADS_PER_WORKSPACE = 20;
const BATCH = 200;

export function unsubscribePath(token: string, slug: string): string {
  return `/workspaces/unsubscribe/${token}?${new URLSearchParams({ workspace: slug })}`;
}

/**
 * Sends today's digests (run once a day by the worker; safe to run again: each member gets one a
 * day). A member only hears about workspaces they can still read, never about their own threads,
 * and never about threads taken out of the list.
 */
export async function sendDailyDigests(): Promise<{ sent: number }> {
  const at = now();
  const atIso = at.toISOString();
  const day = ukDate(at);
  const database = db();
  await database.deleteFrom("workspace_digest_tokens").where("expires_at", "<", atIso).execute();
  await database.deleteFrom("workspace_digest_sends").where("day", "<", ukDate(new Date(at.getTime() - 7 * 24 * 60 * 60_000))).execute();
  let sent = 0;
  let afterUserId = 0;
  for (;;) {
    const users = await database
      .selectFrom("workspace_digest_subscriptions as s")
      .innerJoin("users", "users.id", "s.user_id")
      .select(["users.id", "users.email", "users.full_name"])
      .distinct()
      .where("users.status", "=", "active")
      .where("users.id", ">", afterUserId)
      .where((eb) => eb.not(eb.exists(eb.selectFrom("workspace_digest_sends as d").select("d.user_id").whereRef("d.user_id", "=", "users.id").where("d.day", "=", day))))
      .orderBy("users.id")
      .limit(BATCH)
      .execute();
    if (users.length === 0) break;
    for (const user of users) if (await sendDigestTo(user, at, day)) sent += 1;
    afterUserId = users[users.length - 1]!.id;
  }
  return { sent };
}

async function sendDigestTo(user: { id: number; email: string; full_name: string }, at: Date, day: string): Promise<boolean> {
  const atIso = at.toISOString();
  return db()
    .transaction()
    .execute(async (trx) => {
      // Claims the member's digest for the day first: a second run, or a second worker, finds it taken.
      const claimed = await trx
        .insertInto("workspace_digest_sends")
        .values({ user_id: user.id, day, sent_at: atIso })
        .onConflict((oc) => oc.columns(["user_id", "day"]).doNothing())
        .executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;

      const isAdmin = await trx.selectFrom("role_grants").select("id").where("user_id", "=", user.id).where("role", "=", "admin").where("scope", "is", null).executeTakeFirst();
      const subscriptions = await trx
        .selectFrom("workspace_digest_subscriptions as s")
        .innerJoin("workspaces as w", "w.id", "s.workspace_id")
        .select(["s.id", "s.included_until", "w.id as workspace_id", "w.slug", "w.name"])
        .where("s.user_id", "=", user.id)
        // Only workspaces they can still read: a member of it, or one of its leads (admins lead every workspace).
        .$if(!isAdmin, (q) =>
          q.where((eb) =>
            eb.or([
              eb.exists(eb.selectFrom("workspace_memberships as m").select("m.id").whereRef("m.workspace_id", "=", "w.id").where("m.user_id", "=", user.id).where("m.status", "=", "member")),
              eb.exists(eb.selectFrom("role_grants as g").select("g.id").where("g.user_id", "=", user.id).where("g.role", "=", "workspace_lead").whereRef("g.scope", "=", "w.slug")),
            ]),
          ),
        )
        .orderBy("w.position")
        .execute();

      const sections: Array<Omit<WorkspaceDigestProps["workspaces"][number], "unsubscribeUrl">> = [];
      for (const subscription of subscriptions) {
        const threads = await trx
          .selectFrom("workspace_threads as t")
          .innerJoin("users as a", "a.id", "t.author_id")
          .select(["t.id", "t.title", "a.full_name as authorName"])
          .where("t.workspace_id", "=", subscription.workspace_id)
          .where("t.created_at", ">", subscription.included_until)
          .where("t.created_at", "<=", atIso)
          .where("t.removed_at", "is", null)
          .where("t.author_id", "!=", user.id)
          .orderBy("t.created_at")
          .limit(THREADS_PER_WORKSPACE)
          .execute();
        if (threads.length > 0) sections.push({ name: subscription.name, slug: subscription.slug, threads });
      }
      await trx.updateTable("workspace_digest_subscriptions").set({ included_until: atIso }).where("user_id", "=", user.id).execute();
      if (sections.length === 0) return false;

      const token = randomToken();
      await trx
        .insertInto("workspace_digest_tokens")
        .values({ token_hash: hashSecret(token), user_id: user.id, created_at: atIso, expires_at: new Date(at.getTime() + TOKEN_LIFETIME_MS).toISOString() })
        .execute();
      const origin = config().appUrl.origin;
      const allUrl = `${origin}/workspaces/unsubscribe/${token}`;
      await enqueueEmail(trx, {
        to: user.email,
        template: workspaceDigestEmail,
        props: {
          fullName: user.full_name,
          day: formatUkDay(at),
          workspaces: sections.map((section) => ({ ...section, unsubscribeUrl: `${origin}${unsubscribePath(token, section.slug)}` })),
        },
        // One-click unsubscribe (RFC 8058) stops every workspace digest: mail clients POST to this address.
        headers: { "List-Unsubscribe": `<${allUrl}>`, ...oneClickHeader(allUrl) },
      });
      return true;
    });
}

/** The member an unsubscribe link is for, while it is valid. */
export async function digestTokenOwner(token: string): Promise<number | undefined> {
  if (!/^[a-z0-9]{16,64}$/.test(token)) return undefined;
  const row = await db()
    .selectFrom("workspace_digest_tokens")
    .select("user_id")
    .where("token_hash", "=", hashSecret(token))
    .where("expires_at", ">", now().toISOString())
    .executeTakeFirst();
  return row?.user_id;
}

/** The workspaces whose digest the member still gets (names only: they chose them). */
export async function subscribedWorkspaces(userId: number) {
  return db()
    .selectFrom("workspace_digest_subscriptions as s")
    .innerJoin("workspaces as w", "w.id", "s.workspace_id")
    .select(["w.slug", "w.name"])
    .where("s.user_id", "=", userId)
    .orderBy("w.position")
    .execute();
}

/** Stops one workspace's digest, or all of them. */
export async function unsubscribe(userId: number, slug: string | null): Promise<void> {
  let query = db().deleteFrom("workspace_digest_subscriptions").where("user_id", "=", userId);
  if (slug) query = query.where("workspace_id", "in", (eb) => eb.selectFrom("workspaces").select("id").where("slug", "=", slug));
  await query.execute();
}
