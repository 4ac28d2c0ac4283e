import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { RANDOM_TOKEN, randomToken } from "~/auth/tokens.server";
import { now, nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { ONCE_FIELD } from "~/ui/once-field";

/**
 * Create forms that act once. Each showing of the form carries a random token (OnceField); the create
 * records the token with what it made, in its own transaction, under a unique key. The same submission
 * sent again (a double click, a resend after a slow answer, the form sent from two tabs) then creates
 * nothing and is answered as the first was, with what the first created. It needs no JavaScript.
 */

/** A repeat comes within seconds; a day covers a page left open and sent again later that day. */
const KEEP_MS = 24 * 60 * 60_000;

/** A fresh token for one showing of a create form (its loader passes it to OnceField). */
export function newOnceToken(): string {
  return randomToken();
}

/** One create form's submission: its token and the kind of thing it creates ("webinar", "bulletin"…). */
export interface Once {
  token: string;
  kind: string;
}

/**
 * The submission's token from its hidden field. A form without one (a page loaded before the field
 * existed, a request made by hand) is handled as before, only without the repeat check.
 */
export function readOnce(formData: Pick<FormData, "get">, kind: string): Once | undefined {
  const token = formData.get(ONCE_FIELD);
  return typeof token === "string" && RANDOM_TOKEN.test(token) ? { token, kind } : undefined;
}

async function createdBefore(once: Once): Promise<number | undefined> {
  const row = await db()
    .selectFrom("form_submissions")
    .select("created_id")
    .where("token", "=", once.token)
    .where("kind", "=", once.kind)
    .executeTakeFirst();
  return row?.created_id;
}

/**
 * Runs `create` unless this submission was handled before; `create` calls recordOnce in its
 * transaction. Checked before `create` runs, so a repeat is not refused by checks the first copy's
 * result now fails (a workspace's web address "already taken" by itself).
 */
export async function createOnce<R>(once: Once | undefined, create: () => Promise<R>): Promise<{ earlier: number } | { result: R }> {
  const earlier = once ? await createdBefore(once) : undefined;
  if (earlier !== undefined) return { earlier };
  let result: R;
  try {
    result = await create();
  } catch (error) {
    // Two copies at the same moment both passed the check above; the second's recordOnce broke the
    // token's unique key, so its transaction rolled back and the first's result stands.
    const first = once ? await createdBefore(once) : undefined;
    if (first === undefined) throw error;
    return { earlier: first };
  }
  if (once && refused(result)) {
    // Or the second copy's own checks ran after the first had committed (a workspace's web address
    // "already taken" by the first copy's workspace): that refusal is about the first copy's result.
    const first = await createdBefore(once);
    if (first !== undefined) return { earlier: first };
  }
  return { result };
}

/** createOnce for a create that answers `{ ok: true, id }`: a repeat is answered with what the first one created. */
export async function createOnceWithId<R>(once: Once | undefined, create: () => Promise<R>): Promise<R | { ok: true; id: number }> {
  const outcome = await createOnce(once, create);
  return "earlier" in outcome ? { ok: true, id: outcome.earlier } : outcome.result;
}

/** A create's expected failure, returned as `{ ok: false, … }` (form errors) rather than thrown. */
function refused(result: unknown): boolean {
  return typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === false;
}

/** Inside the create's transaction: records what this submission created (see createOnce). */
export async function recordOnce(trx: Kysely<DB>, once: Once | undefined, createdId: number): Promise<void> {
  if (!once) return;
  // Pruned on the way, as rate-limit hits are: no scheduled job needed for a table this small.
  await trx
    .deleteFrom("form_submissions")
    .where("created_at", "<", new Date(now().getTime() - KEEP_MS).toISOString())
    .execute();
  await trx.insertInto("form_submissions").values({ token: once.token, kind: once.kind, created_id: createdId, created_at: nowIso() }).execute();
}
