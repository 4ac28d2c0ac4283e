import type { Kysely } from "kysely";
import { nowIso } from "../../app/clock.server";

/**
 * Workspaces: regional and themed spaces with their own membership, discussions, resources and
 * moderation. The network's named workspaces are created here, so every installation has them
 * (not only demo databases).
 */

/** The workspaces every installation starts with; `parent` names a workspace above this one in the list. */
export const NAMED_WORKSPACES = [
  {
    slug: "london",
    name: "London",
    kind: "regional",
    visibility: "open",
    description: "Link workers across London's boroughs: local training, peer support, and what is on in each area.",
  },
  {
    slug: "yorkshire-and-the-humber",
    name: "Yorkshire and the Humber",
    kind: "regional",
    visibility: "open",
    description: "Forums, training dates and support for link workers from the Dales to the Humber estuary.",
  },
  {
    slug: "green-social-prescribing",
    name: "Green social prescribing",
    kind: "themed",
    visibility: "open",
    description: "Nature-based activity as part of social prescribing: walking groups, gardening, conservation volunteering and more.",
  },
  {
    slug: "green-social-prescribing-test-and-learn-sites",
    name: "Test and learn sites",
    kind: "themed",
    visibility: "private",
    parent: "green-social-prescribing",
    description: "A private area for the teams running green social prescribing test and learn sites to compare notes.",
  },
  {
    slug: "maternity-children-young-people",
    name: "Maternity, children and young people's social prescribing",
    kind: "themed",
    visibility: "open",
    description: "Social prescribing with expectant and new parents, children and young people, and the services around them.",
  },
  {
    slug: "social-prescribing-champions",
    name: "Social prescribing champions",
    kind: "themed",
    visibility: "private",
    description: "A private workspace for the network's social prescribing champions to plan and share their work.",
  },
] as const;

/** Adds the named workspaces that are missing (also used by tests after they empty the database). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema
export async function insertNamedWorkspaces(db: Kysely<any>, at: string): Promise<void> {
  for (const [position, workspace] of NAMED_WORKSPACES.entries()) {
    const parent = "parent" in workspace ? await db.selectFrom("workspaces").select("id").where("slug", "=", workspace.parent).executeTakeFirst() : undefined;
    await db
      .insertInto("workspaces")
      .values({
        slug: workspace.slug,
        name: workspace.name,
        description: workspace.description,
        kind: workspace.kind,
        visibility: workspace.visibility,
        parent_id: parent?.id ?? null,
        rules: "",
        position: (position + 1) * 10,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("workspaces")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("workspaces.id"))
    .addColumn("rules", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("workspace_memberships")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("workspace_id", "integer", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("request_message", "text")
    .addColumn("removed_reason", "text")
    .addColumn("requested_at", "text")
    .addColumn("joined_at", "text")
    .addColumn("removed_at", "text")
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("workspace_memberships_unique").on("workspace_memberships").columns(["workspace_id", "user_id"]).unique().execute();
  await db.schema.createIndex("workspace_memberships_user").on("workspace_memberships").columns(["user_id", "status"]).execute();
  await db.schema.createIndex("workspace_memberships_status").on("workspace_memberships").columns(["workspace_id", "status", "joined_at"]).execute();

  await db.schema
    .createTable("workspace_threads")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("workspace_id", "integer", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("pinned", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reply_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_post_at", "text", (c) => c.notNull())
    // Set while the thread is out of the list: its opening post is hidden, or deleted before anyone replied.
    .addColumn("removed_at", "text")
    .execute();
  // The workspace page lists pinned threads first, then by latest activity: one index walk per page.
  await db.schema
    .createIndex("workspace_threads_list")
    .on("workspace_threads")
    .columns(["workspace_id", "removed_at", "pinned desc", "last_post_at desc", "id desc"])
    .execute();
  await db.schema.createIndex("workspace_threads_created").on("workspace_threads").columns(["workspace_id", "created_at"]).execute();
  await db.schema.createIndex("workspace_threads_author").on("workspace_threads").column("author_id").execute();

  await db.schema
    .createTable("workspace_posts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("thread_id", "integer", (c) => c.notNull().references("workspace_threads.id").onDelete("cascade"))
    .addColumn("workspace_id", "integer", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("is_opening", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("edited_at", "text")
    .addColumn("deleted_at", "text")
    .addColumn("hidden_at", "text")
    .addColumn("hidden_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("hidden_reason", "text")
    // What the patient-data guard flagged and the author confirmed was not patient data (JSON array), and when.
    .addColumn("guard_flags", "text")
    .addColumn("guard_confirmed_at", "text")
    .execute();
  await db.schema.createIndex("workspace_posts_thread").on("workspace_posts").columns(["thread_id", "id"]).execute();
  await db.schema.createIndex("workspace_posts_author").on("workspace_posts").column("author_id").execute();

  await db.schema
    .createTable("workspace_post_revisions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("post_id", "integer", (c) => c.notNull().references("workspace_posts.id").onDelete("cascade"))
    .addColumn("editor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    // The words before this edit: the title too, for a thread's opening post.
    .addColumn("title", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("replaced_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("workspace_post_revisions_post").on("workspace_post_revisions").columns(["post_id", "id"]).execute();

  await db.schema
    .createTable("workspace_reports")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("post_id", "integer", (c) => c.notNull().references("workspace_posts.id").onDelete("cascade"))
    .addColumn("workspace_id", "integer", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    // Null once the reporter has left the network: the report stays for the moderation record.
    .addColumn("reporter_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("details", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("resolution", "text")
    .execute();
  await db.schema.createIndex("workspace_reports_queue").on("workspace_reports").columns(["workspace_id", "status", "created_at"]).execute();
  await db.schema.createIndex("workspace_reports_post").on("workspace_reports").columns(["post_id", "status"]).execute();
  await db.schema.createIndex("workspace_reports_reporter").on("workspace_reports").column("reporter_id").execute();

  await db.schema
    .createTable("workspace_resources")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("workspace_id", "integer", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("added_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("workspace_resources_workspace").on("workspace_resources").columns(["workspace_id", "created_at"]).execute();

  await db.schema
    .createTable("workspace_digest_subscriptions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("workspace_id", "integer", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    // New threads after this time go in the next digest.
    .addColumn("included_until", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("workspace_digest_subscriptions_unique").on("workspace_digest_subscriptions").columns(["user_id", "workspace_id"]).unique().execute();

  // One digest per member per UK day, whatever runs the job how often.
  await db.schema
    .createTable("workspace_digest_sends")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("workspace_digest_sends_pk", ["user_id", "day"])
    .execute();

  // The unsubscribe links in digests: a random token per email, stored hashed, so a link works without signing in.
  await db.schema
    .createTable("workspace_digest_tokens")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("workspace_digest_tokens_user").on("workspace_digest_tokens").column("user_id").execute();

  await insertNamedWorkspaces(db, nowIso());
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "workspace_digest_tokens",
    "workspace_digest_sends",
    "workspace_digest_subscriptions",
    "workspace_resources",
    "workspace_reports",
    "workspace_post_revisions",
    "workspace_posts",
    "workspace_threads",
    "workspace_memberships",
    "workspaces",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
