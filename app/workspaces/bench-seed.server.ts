import { nowIso } from "~/clock.server";
import type { Database } from "~/db.server";

/**
 * A large workspace for the page benchmark (bench/): an open workspace with `threads` threads, one
 * of which has `replies` replies, written by `authors` members. Fictional text; run on a scratch database.
 * Returns the paths to time: the workspace page and the long thread's first and last pages.
 */
export async function seedBenchWorkspace(
  database: Database,
  options: { threads?: number; replies?: number; authors?: number; slug?: string } = {},
): Promise<{ slug: string; memberEmails: string[]; paths: string[] }> {
  const threads = options.threads ?? 10_000;
  const replies = options.replies ?? 500;
  const authorCount = options.authors ?? 50;
  const slug = options.slug ?? "bench-workspace";
  const at = nowIso();
  const start = Date.parse(at);
  const iso = (secondsAgo: number) => new Date(start - secondsAgo * 1000).toISOString();

  return database.transaction().execute(async (trx) => {
    const workspace = await trx
      .insertInto("workspaces")
      .values({ slug, name: "Bench workspace", description: "A large workspace for timing pages.", kind: "regional", visibility: "open", parent_id: null, rules: "", position: 1000, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    const memberEmails: string[] = [];
    const authors: number[] = [];
    for (let i = 0; i < authorCount; i++) {
      const email = `bench.member${i}@nhs.net`;
      memberEmails.push(email);
      const user = await trx
        .insertInto("users")
        .values({ email, full_name: `Bench Member ${i}`, organisation: "Bench PCN", job_role: "link-worker", region: "london", workspace_interests_json: "[]", bulletin_opt_in: 0, events_opt_in: 0, status: "active", email_verified_at: at, created_at: at, updated_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      authors.push(user.id);
      await trx.insertInto("workspace_memberships").values({ workspace_id: workspace.id, user_id: user.id, status: "member", joined_at: at }).execute();
    }
    const author = (n: number) => authors[n % authors.length]!;

    const body = "A bench post with **some Markdown**, a [link](https://example.org) and a list:\n\n- one\n- two\n\nAnd a second paragraph of ordinary text to render.";
    const CHUNK = 200;
    let longThreadId = 0;
    for (let offset = 0; offset < threads; offset += CHUNK) {
      const count = Math.min(CHUNK, threads - offset);
      const rows = Array.from({ length: count }, (_, i) => {
        const n = offset + i;
        return { workspace_id: workspace.id, author_id: author(n), title: `Bench thread ${n + 1}`, pinned: (n < 3 ? 1 : 0) as 0 | 1, locked: 0 as const, reply_count: 0, created_at: iso(threads - n + 10_000), last_post_at: iso(threads - n) };
      });
      const inserted = await trx.insertInto("workspace_threads").values(rows).returning("id").execute();
      await trx
        .insertInto("workspace_posts")
        .values(inserted.map((thread, i) => ({ thread_id: thread.id, workspace_id: workspace.id, author_id: author(offset + i), is_opening: 1 as const, body, created_at: rows[i]!.created_at })))
        .execute();
      longThreadId = inserted[inserted.length - 1]!.id;
    }
    for (let offset = 0; offset < replies; offset += CHUNK) {
      const count = Math.min(CHUNK, replies - offset);
      await trx
        .insertInto("workspace_posts")
        .values(Array.from({ length: count }, (_, i) => ({ thread_id: longThreadId, workspace_id: workspace.id, author_id: author(offset + i + 1), is_opening: 0 as const, body, created_at: iso(replies - offset - i) })))
        .execute();
    }
    await trx.updateTable("workspace_threads").set({ reply_count: replies, last_post_at: at }).where("id", "=", longThreadId).execute();
    const lastPage = Math.ceil((replies + 1) / 25);
    return {
      slug,
      memberEmails,
      paths: [`/workspaces/${slug}`, `/workspaces/${slug}?page=${Math.ceil(threads / 25)}`, `/workspaces/${slug}/threads/${longThreadId}`, `/workspaces/${slug}/threads/${longThreadId}?page=${lastPage}`],
    };
  });
}
