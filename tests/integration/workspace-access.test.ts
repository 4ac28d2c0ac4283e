import { readdir } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { insertNamedWorkspaces } from "#db/migrations/0006_workspaces";
import { grantRole } from "~/auth/roles.server";
import { nowIso } from "~/clock.server";
import { config } from "~/config.server";
import { onePagePdf } from "~/files/generated-pdf.server";
import { fileStorage } from "~/files/storage.server";
import * as adminWorkspace from "~/routes/admin.workspaces.$id";
import * as adminWorkspaces from "~/routes/admin.workspaces._index";
import * as adminNewWorkspace from "~/routes/admin.workspaces.new";
import * as adminPost from "~/routes/admin.workspaces.posts.$postId";
import * as adminThread from "~/routes/admin.workspaces.threads.$threadId";
import * as workspacePage from "~/routes/workspaces.$slug._index";
import * as members from "~/routes/workspaces.$slug.members._index";
import * as removeMember from "~/routes/workspaces.$slug.members.$userId.remove";
import * as moderation from "~/routes/workspaces.$slug.moderation";
import * as newThread from "~/routes/workspaces.$slug.new";
import * as deletePost from "~/routes/workspaces.$slug.posts.$postId.delete";
import * as editPost from "~/routes/workspaces.$slug.posts.$postId.edit";
import * as hidePost from "~/routes/workspaces.$slug.posts.$postId.hide";
import * as postHistory from "~/routes/workspaces.$slug.posts.$postId.history";
import * as reportPost from "~/routes/workspaces.$slug.posts.$postId.report";
import * as declineRequest from "~/routes/workspaces.$slug.requests.$userId.decline";
import * as resources from "~/routes/workspaces.$slug.resources";
import * as resourceFile from "~/routes/workspaces.$slug.resources_.$resourceId.file";
import * as rules from "~/routes/workspaces.$slug.rules";
import * as thread from "~/routes/workspaces.$slug.threads.$threadId";
import * as workspaces from "~/routes/workspaces._index";
import { createMember, outcome, pageData, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";

/**
 * Every workspace route and action, for every kind of user, against a table. Each cell says what
 * the server does: "ok" (it serves the page or handles the form), "sign-in" (redirect to sign in),
 * 403 or 404. A private workspace's content does not exist (404) for those who cannot read it, so
 * nothing about it leaks; in an open workspace, reading is for every member and the rest is 403.
 * Every refusal changes nothing: the test compares the database before and after.
 */
const { database } = setUpDatabaseTests();

const USERS = ["signedOut", "pendingJoiner", "member", "workspaceMember", "pendingRequester", "leadHere", "leadElsewhere", "admin"] as const;
type UserKind = (typeof USERS)[number];
type Outcome = "ok" | "sign-in" | 403 | 404;
type Cells = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

interface World {
  slug: string;
  threadId: number;
  /** The thread's opening post, by workspaceMember. */
  ownPost: number;
  /** A reply by another member of the workspace, with an open report on it. */
  otherPost: number;
  otherMember: number;
  reportId: number;
  requester: number;
  workspaceId: number;
  /** A file on the workspace's resources list. */
  resourceFile: number;
}

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;

interface Row {
  name: string;
  method: "GET" | "POST";
  handler: Handler;
  path: (w: World) => string;
  params: (w: World) => Record<string, string>;
  form?: (w: World) => Record<string, string>;
  /** Sends the form as multipart with this file in it. */
  upload?: { name: string; data: Buffer };
  cells: Cells;
}

const ws = (w: World) => ({ slug: w.slug });
const onPost = (post: "ownPost" | "otherPost") => (w: World) => ({ slug: w.slug, postId: String(w[post]) });

function row(name: string, method: "GET" | "POST", handler: Handler, parts: Omit<Row, "name" | "method" | "handler" | "cells">, ...cells: Cells): Row {
  return { name, method, handler, ...parts, cells };
}

/** The routes of one workspace (`w`) and staff pages, with what each kind of user gets. */
function table(visibility: "private" | "open"): Row[] {
  // Differences between the two tables are in the member, pendingRequester and leadElsewhere columns.
  const P = visibility === "private";
  const read: Outcome = P ? 404 : "ok";
  const write: Outcome = P ? 404 : 403;
  const wsPath = (w: World) => `/workspaces/${w.slug}`;
  const threadPath = (w: World) => `/workspaces/${w.slug}/threads/${w.threadId}`;
  const postPath = (post: "ownPost" | "otherPost", rest: string) => (w: World) => `/workspaces/${w.slug}/posts/${w[post]}/${rest}`;
  const rows: Row[] = [
    //                                                                                                                           signedOut  pending    member  wsMember request leadHere leadElse admin
    row("workspace list", "GET", workspaces.loader as Handler, { path: () => "/workspaces", params: () => ({}) },                  "ok",      "ok",      "ok",   "ok",    "ok",   "ok",    "ok",    "ok"),
    row("workspace page", "GET", workspacePage.loader as Handler, { path: wsPath, params: ws },                                     "sign-in", "sign-in", "ok",   "ok",    "ok",   "ok",    "ok",    "ok"),
    row(P ? "ask to join" : "join", "POST", workspacePage.action as Handler, { path: wsPath, params: ws, form: () => ({ intent: P ? "request" : "join" }) },
                                                                                                                                   "sign-in", "sign-in", "ok",   "ok",    "ok",   "ok",    "ok",    "ok"),
    row("withdraw a request", "POST", workspacePage.action as Handler, { path: wsPath, params: ws, form: () => ({ intent: "cancel" }) },
                                                                                                                                   "sign-in", "sign-in", "ok",   "ok",    "ok",   "ok",    "ok",    "ok"),
    row("daily email on", "POST", workspacePage.action as Handler, { path: wsPath, params: ws, form: () => ({ intent: "digest-on" }) },
                                                                                                                                   "sign-in", "sign-in", write,  "ok",    write,  "ok",    write,   "ok"),
    row("leave", "POST", workspacePage.action as Handler, { path: wsPath, params: ws, form: () => ({ intent: "leave" }) },         "sign-in", "sign-in", write,  "ok",    write,  "ok",    write,   "ok"),
    row("new thread page", "GET", newThread.loader as Handler, { path: (w) => `/workspaces/${w.slug}/new`, params: ws },          "sign-in", "sign-in", write,  "ok",    write,  "ok",    write,   "ok"),
    row("start a thread", "POST", newThread.action as Handler, { path: (w) => `/workspaces/${w.slug}/new`, params: ws, form: () => ({ title: "Hello", body: "A new thread" }) },
                                                                                                                                   "sign-in", "sign-in", write,  "ok",    write,  "ok",    write,   "ok"),
    row("thread page", "GET", thread.loader as Handler, { path: threadPath, params: (w) => ({ slug: w.slug, threadId: String(w.threadId) }) },
                                                                                                                                   "sign-in", "sign-in", read,   "ok",    read,   "ok",    read,    "ok"),
    row("reply", "POST", thread.action as Handler, { path: threadPath, params: (w) => ({ slug: w.slug, threadId: String(w.threadId) }), form: () => ({ body: "A reply" }) },
                                                                                                                                   "sign-in", "sign-in", write,  "ok",    write,  "ok",    write,   "ok"),
    row("lock a thread", "POST", thread.action as Handler, { path: threadPath, params: (w) => ({ slug: w.slug, threadId: String(w.threadId) }), form: () => ({ intent: "lock" }) },
                                                                                                                                   "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("pin a thread", "POST", thread.action as Handler, { path: threadPath, params: (w) => ({ slug: w.slug, threadId: String(w.threadId) }), form: () => ({ intent: "pin" }) },
                                                                                                                                   "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("edit page (own post)", "GET", editPost.loader as Handler, { path: postPath("ownPost", "edit"), params: onPost("ownPost") },
                                                                                                                                   "sign-in", "sign-in", write,  "ok",    write,  403,     write,   403),
    row("edit (own post)", "POST", editPost.action as Handler, { path: postPath("ownPost", "edit"), params: onPost("ownPost"), form: () => ({ title: "Changed", body: "Changed words" }) },
                                                                                                                                   "sign-in", "sign-in", write,  "ok",    write,  403,     write,   403),
    row("delete page (own post)", "GET", deletePost.loader as Handler, { path: postPath("ownPost", "delete"), params: onPost("ownPost") },
                                                                                                                                   "sign-in", "sign-in", write,  "ok",    write,  403,     write,   403),
    row("delete (own post)", "POST", deletePost.action as Handler, { path: postPath("ownPost", "delete"), params: onPost("ownPost"), form: () => ({}) },
                                                                                                                                   "sign-in", "sign-in", write,  "ok",    write,  403,     write,   403),
    row("report page", "GET", reportPost.loader as Handler, { path: postPath("otherPost", "report"), params: onPost("otherPost") }, "sign-in", "sign-in", write,  "ok",    write,  "ok",    write,   "ok"),
    row("report", "POST", reportPost.action as Handler, { path: postPath("otherPost", "report"), params: onPost("otherPost"), form: () => ({ reason: "advertising" }) },
                                                                                                                                   "sign-in", "sign-in", write,  "ok",    write,  "ok",    write,   "ok"),
    row("edit history", "GET", postHistory.loader as Handler, { path: postPath("otherPost", "history"), params: onPost("otherPost") },
                                                                                                                                   "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("hide page", "GET", hidePost.loader as Handler, { path: postPath("otherPost", "hide"), params: onPost("otherPost") },      "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("hide", "POST", hidePost.action as Handler, { path: postPath("otherPost", "hide"), params: onPost("otherPost"), form: () => ({ reason: "Selling" }) },
                                                                                                                                   "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("resources", "GET", resources.loader as Handler, { path: (w) => `/workspaces/${w.slug}/resources`, params: ws },          "sign-in", "sign-in", read,   "ok",    read,   "ok",    read,    "ok"),
    row("add a resource", "POST", resources.action as Handler, { path: (w) => `/workspaces/${w.slug}/resources`, params: ws, form: () => ({ kind: "link", title: "Guide", url: "https://example.org/guide" }) },
                                                                                                                                   "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("add a file resource", "POST", resources.action as Handler, { path: (w) => `/workspaces/${w.slug}/resources`, params: ws, form: () => ({ kind: "file", title: "Guide" }), upload: { name: "guide.pdf", data: onePagePdf("Guide", []) } },
                                                                                                                                   "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("remove a file resource", "POST", resources.action as Handler, { path: (w) => `/workspaces/${w.slug}/resources`, params: ws, form: (w) => ({ intent: "remove", kind: "file", resourceId: String(w.resourceFile) }) },
                                                                                                                                   "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("download a resource file", "GET", resourceFile.loader as Handler, { path: (w) => `/workspaces/${w.slug}/resources/${w.resourceFile}/file`, params: (w) => ({ slug: w.slug, resourceId: String(w.resourceFile) }) },
                                                                                                                                   "sign-in", "sign-in", read,   "ok",    read,   "ok",    read,    "ok"),
    row("members", "GET", members.loader as Handler, { path: (w) => `/workspaces/${w.slug}/members`, params: ws },                "sign-in", "sign-in", read,   "ok",    read,   "ok",    read,    "ok"),
    row("remove member page", "GET", removeMember.loader as Handler, { path: (w) => `/workspaces/${w.slug}/members/${w.otherMember}/remove`, params: (w) => ({ slug: w.slug, userId: String(w.otherMember) }) },
                                                                                                                                   "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("remove member", "POST", removeMember.action as Handler, { path: (w) => `/workspaces/${w.slug}/members/${w.otherMember}/remove`, params: (w) => ({ slug: w.slug, userId: String(w.otherMember) }), form: () => ({ reason: "Selling" }) },
                                                                                                                                   "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("rules", "GET", rules.loader as Handler, { path: (w) => `/workspaces/${w.slug}/rules`, params: ws },                      "sign-in", "sign-in", read,   "ok",    read,   "ok",    read,    "ok"),
    row("moderation queue", "GET", moderation.loader as Handler, { path: (w) => `/workspaces/${w.slug}/moderation`, params: ws }, "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("dismiss a report", "POST", moderation.action as Handler, { path: (w) => `/workspaces/${w.slug}/moderation`, params: ws, form: (w) => ({ intent: "dismiss", reportId: String(w.reportId) }) },
                                                                                                                                   "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("lock from the queue", "POST", moderation.action as Handler, { path: (w) => `/workspaces/${w.slug}/moderation`, params: ws, form: (w) => ({ intent: "lock", reportId: String(w.reportId) }) },
                                                                                                                                   "sign-in", "sign-in", write,  403,     write,  "ok",    write,   "ok"),
    row("staff: workspaces", "GET", adminWorkspaces.loader as Handler, { path: () => "/admin/workspaces", params: () => ({}) },    "sign-in", "sign-in", 403,    403,     403,    403,     403,     "ok"),
    row("staff: new workspace page", "GET", adminNewWorkspace.loader as Handler, { path: () => "/admin/workspaces/new", params: () => ({}) },
                                                                                                                                   "sign-in", "sign-in", 403,    403,     403,    403,     403,     "ok"),
    row("staff: create a workspace", "POST", adminNewWorkspace.action as Handler, { path: () => "/admin/workspaces/new", params: () => ({}), form: () => ({ name: "North East", slug: "north-east", description: "Link workers in the North East", kind: "regional", visibility: "open" }) },
                                                                                                                                   "sign-in", "sign-in", 403,    403,     403,    403,     403,     "ok"),
    row("staff: workspace page", "GET", adminWorkspace.loader as Handler, { path: (w) => `/admin/workspaces/${w.workspaceId}`, params: (w) => ({ id: String(w.workspaceId) }) },
                                                                                                                                   "sign-in", "sign-in", 403,    403,     403,    403,     403,     "ok"),
    row("staff: appoint a lead", "POST", adminWorkspace.action as Handler, { path: (w) => `/admin/workspaces/${w.workspaceId}`, params: (w) => ({ id: String(w.workspaceId) }), form: () => ({ intent: "appoint", email: "other.member@nhs.net" }) },
                                                                                                                                   "sign-in", "sign-in", 403,    403,     403,    403,     403,     "ok"),
    row("staff: audit link to a post", "GET", adminPost.loader as Handler, { path: (w) => `/admin/workspaces/posts/${w.otherPost}`, params: (w) => ({ postId: String(w.otherPost) }) },
                                                                                                                                   "sign-in", "sign-in", 403,    403,     403,    403,     403,     "ok"),
    row("staff: audit link to a thread", "GET", adminThread.loader as Handler, { path: (w) => `/admin/workspaces/threads/${w.threadId}`, params: (w) => ({ threadId: String(w.threadId) }) },
                                                                                                                                   "sign-in", "sign-in", 403,    403,     403,    403,     403,     "ok"),
  ];
  if (P) {
    // Only private workspaces have requests to join.
    rows.push(
      row("decline page", "GET", declineRequest.loader as Handler, { path: (w) => `/workspaces/${w.slug}/requests/${w.requester}/decline`, params: (w) => ({ slug: w.slug, userId: String(w.requester) }) },
                                                                                                                                   "sign-in", "sign-in", 404,    403,     404,    "ok",    404,     "ok"),
      row("decline", "POST", declineRequest.action as Handler, { path: (w) => `/workspaces/${w.slug}/requests/${w.requester}/decline`, params: (w) => ({ slug: w.slug, userId: String(w.requester) }), form: () => ({ reason: "Champions only" }) },
                                                                                                                                   "sign-in", "sign-in", 404,    403,     404,    "ok",    404,     "ok"),
      row("approve from the queue", "POST", moderation.action as Handler, { path: (w) => `/workspaces/${w.slug}/moderation`, params: ws, form: (w) => ({ intent: "approve", userId: String(w.requester) }) },
                                                                                                                                   "sign-in", "sign-in", 404,    403,     404,    "ok",    404,     "ok"),
    );
  }
  return rows;
}

const PRIVATE_SLUG = "social-prescribing-champions";
const OPEN_SLUG = "london";
const OTHER_SLUG = "yorkshire-and-the-humber";

async function workspaceId(slug: string) {
  return (await database.selectFrom("workspaces").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
}

async function join(slug: string, userId: number, status: "member" | "requested" = "member") {
  const at = nowIso();
  await database
    .insertInto("workspace_memberships")
    .values({ workspace_id: await workspaceId(slug), user_id: userId, status, joined_at: status === "member" ? at : null, requested_at: status === "requested" ? at : null })
    .execute();
}

/** Everyone, and a workspace with a thread, a reply, an open report and (always in the private one) a request to join. */
async function buildWorld(slug: string): Promise<{ world: World; users: Record<Exclude<UserKind, "signedOut">, number> }> {
  await insertNamedWorkspaces(database, nowIso());
  const make = (email: string, status: "active" | "pending" = "active") => createMember({ email, status }).then((user) => user.id);
  const users = {
    pendingJoiner: await make("pending.joiner@example.org.uk", "pending"),
    member: await make("network.member@nhs.net"),
    workspaceMember: await make("workspace.member@nhs.net"),
    pendingRequester: await make("pending.requester@nhs.net"),
    leadHere: await make("lead.here@nhs.net"),
    leadElsewhere: await make("lead.elsewhere@nhs.net"),
    admin: await make("admin@nhs.net"),
  };
  const otherMember = await make("other.member@nhs.net");
  await grantRole(users.admin, "admin");
  await grantRole(users.leadHere, "workspace_lead", { scope: slug });
  await grantRole(users.leadElsewhere, "workspace_lead", { scope: OTHER_SLUG });
  await join(slug, users.workspaceMember);
  await join(slug, users.leadHere);
  await join(slug, otherMember);
  await join(OTHER_SLUG, users.leadElsewhere);
  await join(PRIVATE_SLUG, users.pendingRequester, "requested");

  const id = await workspaceId(slug);
  const at = nowIso();
  const t = await database
    .insertInto("workspace_threads")
    .values({ workspace_id: id, author_id: users.workspaceMember, title: "A thread", pinned: 0, locked: 0, reply_count: 1, created_at: at, last_post_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  const own = await database.insertInto("workspace_posts").values({ thread_id: t.id, workspace_id: id, author_id: users.workspaceMember, is_opening: 1, body: "Opening words", created_at: at }).returning("id").executeTakeFirstOrThrow();
  const other = await database.insertInto("workspace_posts").values({ thread_id: t.id, workspace_id: id, author_id: otherMember, is_opening: 0, body: "Buy my course", created_at: at, edited_at: at }).returning("id").executeTakeFirstOrThrow();
  const report = await database
    .insertInto("workspace_reports")
    .values({ post_id: other.id, workspace_id: id, reporter_id: otherMember, reason: "advertising", details: null, status: "open", created_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { key, size } = await fileStorage().put(Readable.from([onePagePdf("Plan", [])]));
  const file = await database
    .insertInto("workspace_resource_files")
    .values({ workspace_id: id, title: "Plan", description: null, file_name: "plan.pdf", format: "pdf", byte_size: size, storage_key: key, added_by: users.leadHere, created_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    users,
    world: { slug, threadId: t.id, ownPost: own.id, otherPost: other.id, otherMember, reportId: report.id, requester: users.pendingRequester, workspaceId: id, resourceFile: file.id },
  };
}

/** Everything a workspace action could change. */
async function snapshot() {
  return {
    workspaces: await database.selectFrom("workspaces").selectAll().orderBy("id").execute(),
    memberships: await database.selectFrom("workspace_memberships").selectAll().orderBy("id").execute(),
    threads: await database.selectFrom("workspace_threads").selectAll().orderBy("id").execute(),
    posts: await database.selectFrom("workspace_posts").selectAll().orderBy("id").execute(),
    reports: await database.selectFrom("workspace_reports").selectAll().orderBy("id").execute(),
    resources: await database.selectFrom("workspace_resources").selectAll().orderBy("id").execute(),
    resourceFiles: await database.selectFrom("workspace_resource_files").selectAll().orderBy("id").execute(),
    storedFiles: (await readdir(config().storagePath).catch(() => [] as string[])).sort(),
    digests: await database.selectFrom("workspace_digest_subscriptions").selectAll().orderBy("id").execute(),
    grants: await database.selectFrom("role_grants").selectAll().orderBy("id").execute(),
    audit: await database.selectFrom("audit_log").selectAll().orderBy("id").execute(),
    outbox: await database.selectFrom("outbox").select("id").orderBy("id").execute(),
  };
}

/** A multipart form with a file, as a browser sends the resources form. */
function uploadRequest(path: string, cookie: string | undefined, fields: Record<string, string>, file: { name: string; data: Buffer }): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(file.data)]), file.name);
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: cookie ? { Cookie: cookie } : {} });
}

function outcomeOf(result: unknown): Outcome | string {
  if (!(result instanceof Response)) return "ok";
  if (result.status === 302 && result.headers.get("Location")?.startsWith("/sign-in?")) return "sign-in";
  if (result.status === 403 || result.status === 404) return result.status;
  if (result.status === 302 || result.status === 200) return "ok";
  return `unexpected ${result.status}`;
}

describe.each([
  ["a private workspace", "private", PRIVATE_SLUG],
  ["an open workspace", "open", OPEN_SLUG],
] as const)("in %s", (_name, visibility, slug) => {
  const cases = table(visibility).flatMap((r) => USERS.map((user, index) => [`${r.method} ${r.name}`, user, r, r.cells[index]!] as const));
  it.each(cases)("%s as %s", async (_route, user, r, expected) => {
    const { world, users } = await buildWorld(slug);
    const cookie = user === "signedOut" ? undefined : await sessionCookieFor(users[user]);
    const path = r.path(world);
    const request = r.upload ? uploadRequest(path, cookie, r.form?.(world) ?? {}, r.upload) : pageRequest(path, { cookie, form: r.method === "POST" ? (r.form?.(world) ?? {}) : undefined });
    const before = await snapshot();
    const result = await outcome(() => r.handler({ request, params: r.params(world), context: testContext }));
    expect(outcomeOf(result), `${r.method} ${path}`).toBe(expected);
    if (expected !== "ok") expect(await snapshot(), "a refused request changes nothing").toEqual(before);
  });
});

describe("what a private workspace shows those who cannot read it", () => {
  it("its name and description and a way to ask to join, and nothing of its threads, members or counts", async () => {
    const { users } = await buildWorld(PRIVATE_SLUG);
    const cookie = await sessionCookieFor(users.member);
    const page = pageData<{ heading: { name: string }; canRead: boolean; read: unknown }>(
      await workspacePage.loader({ request: pageRequest(`/workspaces/${PRIVATE_SLUG}`, { cookie }), params: { slug: PRIVATE_SLUG }, context: testContext }),
    );
    expect(page.heading.name).toBe("Social prescribing champions");
    expect(page.canRead).toBe(false);
    expect(page.read).toBeNull();
    expect(JSON.stringify(page)).not.toMatch(/A thread|Opening words|Buy my course|other\.member/);

    const list = (await workspaces.loader({ request: pageRequest("/workspaces", { cookie }), params: {}, context: testContext })) as Extract<
      Awaited<ReturnType<typeof workspaces.loader>>,
      { signedIn: true }
    >;
    const champions = list.themed.find((card) => card.slug === PRIVATE_SLUG);
    expect(champions?.memberCount).toBeNull();
    expect(list.regional.find((card) => card.slug === OPEN_SLUG)?.memberCount).toBe(0);
  });
});
