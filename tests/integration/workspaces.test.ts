import { describe, expect, it } from "vitest";
import { insertNamedWorkspaces, NAMED_WORKSPACES } from "#db/migrations/0006_workspaces";
import { listAudit } from "~/audit/audit.server";
import { grantRoleByEmail } from "~/auth/role-admin.server";
import { grantRole, hasRole } from "~/auth/roles.server";
import { nowIso, testClock } from "~/clock.server";
import { WORKSPACE_INTERESTS } from "~/membership/profile-options";
import { exportMemberData } from "~/privacy/export.server";
import { leaveNetwork } from "~/privacy/leave.server";
import { requireWorkspace, type WorkspaceViewer } from "~/workspaces/access.server";
import { appointLead, removeLead, updateWorkspace } from "~/workspaces/admin.server";
import { digestTokenOwner, sendDailyDigests, setDigest, subscribedWorkspaces, unsubscribe } from "~/workspaces/digest.server";
import { DELETED_OPENING_TITLE } from "~/workspaces/options";
import { deletePost, editPost, listPosts, listThreads, postHistory, reply, requirePost, requireThread, startThread } from "~/workspaces/discussions.server";
import { approveRequest, declineRequest, joinWorkspace, readmit, removeFromWorkspace, requestToJoin } from "~/workspaces/memberships.server";
import { dismissReport, hidePost, reportFromLink, reportPost, reportQueue, restorePost } from "~/workspaces/moderation.server";
import { seedWorkspacesDemo, DEMO_LEAD_EMAIL } from "~/workspaces/demo.server";
import * as newThread from "~/routes/workspaces.$slug.new";
import * as editPage from "~/routes/workspaces.$slug.posts.$postId.edit";
import * as threadPage from "~/routes/workspaces.$slug.threads.$threadId";
import * as unsubscribePage from "~/routes/workspaces.unsubscribe.$token";
import { createAdmin, createMember, emailsTo, lastEmailTo, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";
import { seedDemoMembers } from "~/membership/demo-members.server";
import { fileStorage } from "~/files/storage.server";

const { database } = setUpDatabaseTests();

const CHAMPIONS = "social-prescribing-champions";
const LONDON = "london";

async function viewer(userId: number, slug: string): Promise<WorkspaceViewer> {
  return requireWorkspace(pageRequest(`/workspaces/${slug}`, { cookie: await sessionCookieFor(userId) }), slug, "see");
}

async function setUp() {
  await insertNamedWorkspaces(database, nowIso());
  const lead = await createMember({ email: "kiran.lead@nhs.net", full_name: "Kiran Lead" });
  const poster = await createMember({ email: "grace.poster@nhs.net", full_name: "Grace Poster" });
  const reporter = await createMember({ email: "sian.reporter@nhs.net", full_name: "Sian Reporter" });
  for (const slug of [CHAMPIONS, LONDON]) {
    const id = (await database.selectFrom("workspaces").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
    await grantRole(lead.id, "workspace_lead", { scope: slug });
    await database.insertInto("workspace_memberships").values({ workspace_id: id, user_id: lead.id, status: "member", joined_at: nowIso() }).execute();
  }
  return { lead, poster, reporter };
}

async function membersOf(slug: string) {
  return database
    .selectFrom("workspace_memberships")
    .innerJoin("workspaces", "workspaces.id", "workspace_memberships.workspace_id")
    .select(["workspace_memberships.user_id", "workspace_memberships.status"])
    .where("workspaces.slug", "=", slug)
    .orderBy("workspace_memberships.user_id")
    .execute();
}

describe("the named workspaces", () => {
  it("exist in a new installation, with the slugs joiners choose as interests", async () => {
    await insertNamedWorkspaces(database, nowIso());
    const slugs = (await database.selectFrom("workspaces").select("slug").execute()).map((w) => w.slug);
    for (const interest of WORKSPACE_INTERESTS) expect(slugs).toContain(interest.value);
    expect(slugs).toEqual(expect.arrayContaining(NAMED_WORKSPACES.map((w) => w.slug)));
    const area = await database.selectFrom("workspaces").select(["visibility", "parent_id"]).where("slug", "=", "green-social-prescribing-test-and-learn-sites").executeTakeFirstOrThrow();
    const green = await database.selectFrom("workspaces").select("id").where("slug", "=", "green-social-prescribing").executeTakeFirstOrThrow();
    expect(area).toEqual({ visibility: "private", parent_id: green.id });
    expect((await database.selectFrom("workspaces").select("visibility").where("slug", "=", CHAMPIONS).executeTakeFirstOrThrow()).visibility).toBe("private");
  });
});

describe("joining a private workspace", () => {
  it("is a request the leads approve, emailed to the leads and then to the member", async () => {
    const { lead, poster } = await setUp();
    expect(await requestToJoin(await viewer(poster.id, CHAMPIONS), "I lead champions in my PCN")).toEqual({ ok: true });
    expect((await lastEmailTo(database, lead.email))?.template).toBe("workspace-join-request");
    expect(await membersOf(CHAMPIONS)).toContainEqual({ user_id: poster.id, status: "requested" });

    expect(await approveRequest(await viewer(lead.id, CHAMPIONS), poster.id)).toEqual({ ok: true });
    expect(await membersOf(CHAMPIONS)).toContainEqual({ user_id: poster.id, status: "member" });
    const mail = await lastEmailTo(database, poster.email);
    expect(mail?.template).toBe("workspace-request-approved");
    expect(mail?.text).toContain("/workspaces/social-prescribing-champions");
    const { entries } = await listAudit();
    expect(entries[0]).toMatchObject({ action: "workspace.request_approved", actorName: "Kiran Lead", subjectName: "Grace Poster" });
  });

  it("declines with a reason that is emailed and audited", async () => {
    const { lead, poster } = await setUp();
    await requestToJoin(await viewer(poster.id, CHAMPIONS), undefined);
    expect(await declineRequest(await viewer(lead.id, CHAMPIONS), poster.id, "This space is for champions")).toEqual({ ok: true });
    expect(await membersOf(CHAMPIONS)).not.toContainEqual(expect.objectContaining({ user_id: poster.id }));
    const mail = await lastEmailTo(database, poster.email);
    expect(mail?.template).toBe("workspace-request-declined");
    expect(mail?.text).toContain("This space is for champions");
    expect((await listAudit()).entries[0]?.details).toMatchObject({ reason: "This space is for champions" });
  });

  it("cannot be joined with the open workspaces' button", async () => {
    const { poster } = await setUp();
    expect(await joinWorkspace(await viewer(poster.id, CHAMPIONS))).toMatchObject({ ok: false });
    expect(await membersOf(CHAMPIONS)).not.toContainEqual(expect.objectContaining({ user_id: poster.id }));
  });
});

describe("the patient-data guard", () => {
  it("holds a thread with a valid NHS number: nothing is saved until the author confirms, and the confirmation is recorded", async () => {
    const { poster } = await setUp();
    await joinWorkspace(await viewer(poster.id, LONDON));
    const v = await viewer(poster.id, LONDON);
    const held = await startThread(v, { title: "Referral", body: "Referred 943 476 5919 today", confirmNotPatientData: false });
    expect(held).toEqual({ ok: false, held: ["nhs-number"] });
    expect(await database.selectFrom("workspace_posts").selectAll().execute()).toEqual([]);

    const published = await startThread(v, { title: "Referral", body: "Referred 943 476 5919 today", confirmNotPatientData: true });
    expect(published.ok).toBe(true);
    const post = await database.selectFrom("workspace_posts").selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(post.guard_flags ?? "[]")).toEqual(["nhs-number"]);
    expect(post.guard_confirmed_at).not.toBeNull();
    expect((await listAudit()).entries[0]).toMatchObject({ action: "workspace.post_guard_confirmed" });
  });

  it("publishes straight away when the number fails the check digit", async () => {
    const { poster } = await setUp();
    await joinWorkspace(await viewer(poster.id, LONDON));
    const outcome = await startThread(await viewer(poster.id, LONDON), { title: "Order", body: "Order 943 476 5918 arrived", confirmNotPatientData: false });
    expect(outcome.ok).toBe(true);
    expect((await database.selectFrom("workspace_posts").select("guard_flags").executeTakeFirstOrThrow()).guard_flags).toBeNull();
  });

  it("holds replies and edits too", async () => {
    const { poster, lead } = await setUp();
    await joinWorkspace(await viewer(poster.id, LONDON));
    const v = await viewer(poster.id, LONDON);
    const started = await startThread(v, { title: "Hello", body: "Hi all", confirmNotPatientData: false });
    if (!started.ok) throw new Error("not started");
    const thread = await requireThread(v, started.threadId);
    expect(await reply(await viewer(lead.id, LONDON), thread, { body: "Jane Smith 03/04/1987 came in", confirmNotPatientData: false })).toEqual({ ok: false, held: ["date-of-birth"] });
    const { post } = await requirePost(v, started.postId);
    expect(await editPost(v, post, thread, { body: "Hi all 9434765919", confirmNotPatientData: false })).toEqual({ ok: false, held: ["nhs-number"] });
  });
});

describe("a post's life", () => {
  it("keeps earlier versions for the leads when edited, and forgets them when its author deletes it", async () => {
    const { poster } = await setUp();
    await joinWorkspace(await viewer(poster.id, LONDON));
    const v = await viewer(poster.id, LONDON);
    const started = await startThread(v, { title: "First title", body: "First words", confirmNotPatientData: false });
    if (!started.ok) throw new Error("not started");
    let thread = await requireThread(v, started.threadId);
    let { post } = await requirePost(v, started.postId);
    expect(await editPost(v, post, thread, { title: "Second title", body: "Second words", confirmNotPatientData: false })).toMatchObject({ ok: true });
    expect(await postHistory(post.id)).toEqual([expect.objectContaining({ title: "First title", body: "First words", editor_name: "Grace Poster" })]);
    thread = await requireThread(v, started.threadId);
    expect(thread.title).toBe("Second title");

    ({ post } = await requirePost(v, started.postId));
    expect(await deletePost(v, post)).toEqual({ ok: true, threadRemoved: true });
    expect(await postHistory(post.id)).toEqual([]);
    expect((await requirePost(v, post.id)).post.body).toBe("");
    expect((await listThreads(v.workspace.id, 1)).total).toBe(0);
  });

  it("takes the thread's title with a deleted opening post that has replies", async () => {
    const { poster, reporter } = await setUp();
    await joinWorkspace(await viewer(poster.id, LONDON));
    await joinWorkspace(await viewer(reporter.id, LONDON));
    const v = await viewer(poster.id, LONDON);
    const started = await startThread(v, { title: "Jane's situation at home", body: "Words", confirmNotPatientData: false });
    if (!started.ok) throw new Error("not started");
    await reply(await viewer(reporter.id, LONDON), await requireThread(v, started.threadId), { body: "A reply", confirmNotPatientData: false });
    const { post } = await requirePost(v, started.postId);
    expect(await deletePost(v, post)).toEqual({ ok: true, threadRemoved: false });
    expect((await requireThread(v, started.threadId)).title).toBe(DELETED_OPENING_TITLE);
    expect((await listThreads(v.workspace.id, 1)).rows.map((row) => row.title)).toEqual([DELETED_OPENING_TITLE]);
  });

  it("refuses an edit that clears an opening post's title, keeping what was typed", async () => {
    const { poster } = await setUp();
    await joinWorkspace(await viewer(poster.id, LONDON));
    const v = await viewer(poster.id, LONDON);
    const started = await startThread(v, { title: "Kept title", body: "Words", confirmNotPatientData: false });
    if (!started.ok) throw new Error("not started");
    const path = `/workspaces/${LONDON}/posts/${started.postId}/edit`;
    const result = await editPage.action({
      request: pageRequest(path, { cookie: await sessionCookieFor(poster.id), form: { title: "", body: "New words" } }),
      params: { slug: LONDON, postId: String(started.postId) },
      context: testContext,
    });
    expect(JSON.stringify(result)).toContain("Enter a title");
    expect(JSON.stringify(result)).toContain("New words");
    expect((await requireThread(v, started.threadId)).title).toBe("Kept title");
  });
});

describe("what a post stores", () => {
  const RLO = "\u202e";

  it("has no bidi override in a thread's title, nor in a post's body, which keeps its lines and tabs", async () => {
    const { poster } = await setUp();
    await joinWorkspace(await viewer(poster.id, LONDON));
    const cookie = await sessionCookieFor(poster.id);
    const form = { title: `Invoice ${RLO}fdp.exe`, body: `First ${RLO}line\r\n\n\tcode\u0007 here` };
    const thrown = await newThread
      .action({ request: pageRequest(`/workspaces/${LONDON}/new`, { cookie, form }), params: { slug: LONDON }, context: testContext })
      .catch((response: unknown) => response);
    expect(thrown).toBeInstanceOf(Response);
    const thread = await database.selectFrom("workspace_threads").select(["id", "title"]).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(thread.title).toBe("Invoice fdp.exe");
    const post = await database.selectFrom("workspace_posts").select("body").where("thread_id", "=", thread.id).executeTakeFirstOrThrow();
    expect(post.body).toBe("First line\r\n\n\tcode here");

    await threadPage.action({
      request: pageRequest(`/workspaces/${LONDON}/threads/${thread.id}`, { cookie, form: { body: `A ${RLO}reply` } }),
      params: { slug: LONDON, threadId: String(thread.id) },
      context: testContext,
    }).catch((response: unknown) => response);
    const replied = await database.selectFrom("workspace_posts").select("body").where("thread_id", "=", thread.id).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(replied.body).toBe("A reply");
  });
});

describe("moderation", () => {
  async function reportedPost() {
    const world = await setUp();
    const { poster, reporter, lead } = world;
    for (const user of [poster, reporter]) await joinWorkspace(await viewer(user.id, LONDON));
    const started = await startThread(await viewer(poster.id, LONDON), { title: "Book my course", body: "20% off this week only", confirmNotPatientData: false });
    if (!started.ok) throw new Error("not started");
    const { post } = await requirePost(await viewer(reporter.id, LONDON), started.postId);
    expect(await reportPost(await viewer(reporter.id, LONDON), post, { reason: "advertising", details: "Selling" })).toEqual({ ok: true });
    return { ...world, post, threadId: started.threadId, leadViewer: await viewer(lead.id, LONDON) };
  }

  it("queues reports with their post for the leads; a second report by the same member is refused", async () => {
    const { post, reporter, leadViewer } = await reportedPost();
    expect(await reportPost(await viewer(reporter.id, LONDON), post, { reason: "other", details: "again" })).toMatchObject({ ok: false });
    const queue = await reportQueue(leadViewer.workspace.id, 1);
    expect(queue.reports).toEqual([expect.objectContaining({ reason: "advertising", author_name: "Grace Poster", reporter_name: "Sian Reporter", thread_title: "Book my course" })]);
    expect(queue.reports[0]?.html).toContain("20% off");
  });

  it("names a report in a hide or removal only if it is this workspace's and about that post or its author", async () => {
    const { post, poster, reporter, leadViewer } = await reportedPost();
    const reportId = (await database.selectFrom("workspace_reports").select("id").executeTakeFirstOrThrow()).id;
    const link = (report: number | string) => pageRequest(`/workspaces/${LONDON}/posts/${post.id}/hide?report=${report}`);
    const london = leadViewer.workspace.id;
    expect(await reportFromLink(link(reportId), london, { postId: post.id })).toEqual({ id: reportId, reason: "advertising" });
    expect(await reportFromLink(link(reportId), london, { authorId: poster.id })).toEqual({ id: reportId, reason: "advertising" });
    const champions = (await viewer(leadViewer.current.user.id, CHAMPIONS)).workspace.id;
    expect(await reportFromLink(link(reportId), champions, { postId: post.id })).toBeUndefined();
    expect(await reportFromLink(link(reportId), london, { postId: post.id + 1 })).toBeUndefined();
    expect(await reportFromLink(link(reportId), london, { authorId: reporter.id })).toBeUndefined();
    expect(await reportFromLink(link(reportId + 1), london, { postId: post.id })).toBeUndefined();
    expect(await reportFromLink(link("1e3"), london, { postId: post.id })).toBeUndefined();
  });

  it("hides a post: others see a notice, its author sees it with the reason and is emailed, the report is settled; restoring undoes it", async () => {
    const { post, poster, reporter, leadViewer, threadId } = await reportedPost();
    expect(await hidePost(leadViewer, post, "No selling in workspaces")).toEqual({ ok: true });
    expect((await reportQueue(leadViewer.workspace.id, 1)).total).toBe(0);
    const mail = await lastEmailTo(database, poster.email);
    expect(mail?.template).toBe("workspace-post-hidden");
    expect(mail?.text).toContain("No selling in workspaces");

    // The opening post was hidden, so the thread leaves the list; its author can still open it.
    expect((await listThreads(leadViewer.workspace.id, 1)).total).toBe(0);
    const asReporter = await viewer(reporter.id, LONDON);
    await expect(requireThread(asReporter, threadId)).rejects.toMatchObject({ status: 404 });
    const asPoster = await viewer(poster.id, LONDON);
    const seenByPoster = await listPosts(asPoster, await requireThread(asPoster, threadId), 1);
    expect(seenByPoster.posts[0]).toMatchObject({ state: "hidden", hiddenReason: "No selling in workspaces" });
    expect(seenByPoster.posts[0]?.html).toContain("20% off");

    const hidden = (await requirePost(leadViewer, post.id)).post;
    expect(await restorePost(leadViewer, hidden)).toEqual({ ok: true });
    expect((await listThreads(leadViewer.workspace.id, 1)).total).toBe(1);
    const actions = (await listAudit()).entries.map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(["workspace.post_restored", "workspace.post_hidden"]);
  });

  it("shows other members where a hidden reply was, sending their browser neither its text nor the reason", async () => {
    const { poster, reporter, leadViewer, threadId } = await reportedPost();
    const asPoster = await viewer(poster.id, LONDON);
    const replied = await reply(asPoster, await requireThread(asPoster, threadId), { body: "My private sessions are half price", confirmNotPatientData: false });
    if (!replied.ok) throw new Error("no reply");
    expect(await hidePost(leadViewer, (await requirePost(leadViewer, replied.postId)).post, "Advertising a private service")).toEqual({ ok: true });

    const asReporter = await viewer(reporter.id, LONDON);
    const seen = await listPosts(asReporter, await requireThread(asReporter, threadId), 1);
    expect(seen.posts.map((post) => post.state)).toEqual(["visible", "hidden"]);
    const sent = JSON.stringify(seen);
    expect(sent).not.toContain("half price");
    expect(sent).not.toContain("Advertising a private service");
  });

  it("dismisses a report", async () => {
    const { leadViewer } = await reportedPost();
    const [report] = (await reportQueue(leadViewer.workspace.id, 1)).reports;
    expect(await dismissReport(leadViewer, report!.id)).toEqual({ ok: true });
    expect(await dismissReport(leadViewer, report!.id)).toMatchObject({ ok: false });
    expect((await listAudit()).entries[0]).toMatchObject({ action: "workspace.report_dismissed" });
  });

  it("removes a member from the workspace with an emailed reason; they cannot rejoin until a lead lets them", async () => {
    const { poster, leadViewer } = await reportedPost();
    expect(await removeFromWorkspace(leadViewer, poster.id, "Repeated advertising")).toEqual({ ok: true });
    const mail = await lastEmailTo(database, poster.email);
    expect(mail?.template).toBe("workspace-member-removed");
    expect(mail?.text).toContain("Repeated advertising");
    const asPoster = await viewer(poster.id, LONDON);
    expect(asPoster).toMatchObject({ status: "removed", canRead: false, canPost: false });
    expect(await joinWorkspace(asPoster)).toMatchObject({ ok: false });
    // Their open reports were settled by the removal.
    expect((await reportQueue(leadViewer.workspace.id, 1)).total).toBe(0);

    expect(await readmit(leadViewer, poster.id)).toEqual({ ok: true });
    expect(await joinWorkspace(await viewer(poster.id, LONDON))).toEqual({ ok: true });
  });

  it("does not let a lead remove another lead or an admin", async () => {
    const { lead } = await setUp();
    const admin = await createAdmin({ email: "admin@nhs.net" });
    await joinWorkspace(await viewer(admin.id, LONDON));
    expect(await removeFromWorkspace(await viewer(lead.id, LONDON), admin.id, "x")).toMatchObject({ ok: false });
    expect(await removeFromWorkspace(await viewer(admin.id, LONDON), lead.id, "x")).toMatchObject({ ok: false });
  });
});

describe("leads", () => {
  it("are appointed and removed by staff as a role on the workspace's slug, in the audit log", async () => {
    await insertNamedWorkspaces(database, nowIso());
    const admin = await createAdmin({ email: "admin@nhs.net" });
    const member = await createMember({ email: "new.lead@nhs.net", full_name: "New Lead" });
    const london = await database.selectFrom("workspaces").selectAll().where("slug", "=", LONDON).executeTakeFirstOrThrow();
    expect(await appointLead(admin.id, london, "new.lead@nhs.net")).toEqual({ ok: true });
    expect(await hasRole(member.id, "workspace_lead", LONDON)).toBe(true);
    expect(await membersOf(LONDON)).toContainEqual({ user_id: member.id, status: "member" });
    expect(await appointLead(admin.id, london, "new.lead@nhs.net")).toMatchObject({ ok: false });
    expect(await removeLead(admin.id, london, member.id)).toEqual({ ok: true });
    const entries = (await listAudit()).entries.map((e) => [e.action, e.details]);
    expect(entries.slice(0, 2)).toEqual([
      ["role.revoked", { role: "workspace_lead", scope: LONDON }],
      ["role.granted", { role: "workspace_lead", scope: LONDON }],
    ]);
    expect((await listAudit({ action: "role.granted" })).entries[0]?.detailLines).toEqual([
      { label: "Role", value: "Workspace lead" },
      { label: "Workspace", value: LONDON },
    ]);
  });

  it("can be appointed from the command line by slug, and then lead that workspace only", async () => {
    await insertNamedWorkspaces(database, nowIso());
    const member = await createMember({ email: "cli.lead@nhs.net" });
    await grantRoleByEmail({ email: "cli.lead@nhs.net", role: "workspace_lead", scope: LONDON, actorUserId: null });
    expect((await viewer(member.id, LONDON)).isLead).toBe(true);
    expect((await viewer(member.id, CHAMPIONS)).isLead).toBe(false);
  });
});

describe("changing a workspace", () => {
  it("is audited with the settings named as the form names them", async () => {
    await insertNamedWorkspaces(database, nowIso());
    const admin = await createAdmin();
    const [london, champions] = await Promise.all(
      [LONDON, CHAMPIONS].map((slug) => database.selectFrom("workspaces").selectAll().where("slug", "=", slug).executeTakeFirstOrThrow()),
    );
    const input = { name: "London and the South East", description: london!.description, kind: london!.kind, visibility: "private" as const, parentId: champions!.id, rules: london!.rules };
    expect(await updateWorkspace(admin.id, london!, input)).toEqual({ ok: true });
    const [entry] = (await listAudit({ action: "workspace.updated" })).entries;
    expect(entry?.subjectName).toBe(`Workspace ${london!.id}`);
    expect(entry?.detailLines).toEqual([{ label: "Changed", value: "Name, Who can read it, Area within another workspace" }]);
  });
});

describe("the daily digest", () => {
  async function digestWorld() {
    const world = await setUp();
    const { poster, reporter, lead } = world;
    await requestToJoin(await viewer(reporter.id, CHAMPIONS), undefined);
    await approveRequest(await viewer(lead.id, CHAMPIONS), reporter.id);
    await joinWorkspace(await viewer(reporter.id, LONDON));
    await joinWorkspace(await viewer(poster.id, LONDON));
    return world;
  }

  it("sends one email a day per member listing new threads in their chosen workspaces, not their own", async () => {
    testClock.freeze("2026-12-01T08:00:00Z");
    const { poster, reporter, lead } = await digestWorld();
    await setDigest(await viewer(reporter.id, LONDON), true);
    await setDigest(await viewer(reporter.id, CHAMPIONS), true);
    testClock.advance(60_000);
    await startThread(await viewer(poster.id, LONDON), { title: "London news", body: "Hello London", confirmNotPatientData: false });
    await startThread(await viewer(lead.id, CHAMPIONS), { title: "Champions plan", body: "Next quarter", confirmNotPatientData: false });
    await startThread(await viewer(reporter.id, LONDON), { title: "My own thread", body: "Mine", confirmNotPatientData: false });
    testClock.advance(60_000);

    expect(await sendDailyDigests()).toEqual({ sent: 1 });
    const mail = await lastEmailTo(database, reporter.email);
    expect(mail?.template).toBe("workspace-digest");
    expect(mail?.subject).toBe("2 new discussions in your workspaces");
    expect(mail?.text).toContain("London news");
    expect(mail?.text).toContain("Champions plan");
    expect(mail?.text).not.toContain("My own thread");
    const headers = JSON.parse((await database.selectFrom("outbox").select("headers_json").orderBy("id", "desc").executeTakeFirstOrThrow()).headers_json);
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    // Again the same day: nothing more, even with a new thread.
    testClock.advance(60_000);
    await startThread(await viewer(poster.id, LONDON), { title: "Later news", body: "Later", confirmNotPatientData: false });
    expect(await sendDailyDigests()).toEqual({ sent: 0 });
    // The next day, only what is new since.
    testClock.advance(24 * 60 * 60_000);
    expect(await sendDailyDigests()).toEqual({ sent: 1 });
    const next = await lastEmailTo(database, reporter.email);
    expect(next?.text).toContain("Later news");
    expect(next?.text).not.toContain("London news");
    expect((await emailsTo(database, reporter.email)).filter((m) => m.template === "workspace-digest")).toHaveLength(2);
  });

  it("says nothing about a private workspace to someone no longer in it", async () => {
    testClock.freeze("2026-12-01T08:00:00Z");
    const { reporter, lead } = await digestWorld();
    await setDigest(await viewer(reporter.id, CHAMPIONS), true);
    await removeFromWorkspace(await viewer(lead.id, CHAMPIONS), reporter.id, "Left the champions programme");
    testClock.advance(60_000);
    await startThread(await viewer(lead.id, CHAMPIONS), { title: "Secret plan", body: "Champions only", confirmNotPatientData: false });
    testClock.advance(60_000);
    await sendDailyDigests();
    expect((await emailsTo(database, reporter.email)).map((m) => m.template)).not.toContain("workspace-digest");
  });

  it("unsubscribes per workspace from the email's link without signing in; opening the link changes nothing", async () => {
    testClock.freeze("2026-12-01T08:00:00Z");
    const { poster, reporter, lead } = await digestWorld();
    await setDigest(await viewer(reporter.id, LONDON), true);
    await setDigest(await viewer(reporter.id, CHAMPIONS), true);
    testClock.advance(60_000);
    await startThread(await viewer(poster.id, LONDON), { title: "London news", body: "Hello", confirmNotPatientData: false });
    await startThread(await viewer(lead.id, CHAMPIONS), { title: "Champions news", body: "Hello", confirmNotPatientData: false });
    testClock.advance(60_000);
    await sendDailyDigests();
    const text = (await lastEmailTo(database, reporter.email))?.text ?? "";
    const link = /https?:\/\/\S+\/workspaces\/unsubscribe\/([a-z0-9]+)\?workspace=london/.exec(text);
    expect(link).not.toBeNull();
    const token = link![1]!;

    const path = `/workspaces/unsubscribe/${token}?workspace=london`;
    const page = await unsubscribePage.loader({ request: pageRequest(path), params: { token }, context: testContext });
    expect(page).toMatchObject({ valid: true, chosen: { slug: LONDON } });
    expect((await subscribedWorkspaces(reporter.id)).map((w) => w.slug)).toEqual([LONDON, CHAMPIONS]);

    await unsubscribePage.action({ request: pageRequest(path, { form: { workspace: LONDON } }), params: { token }, context: testContext });
    expect((await subscribedWorkspaces(reporter.id)).map((w) => w.slug)).toEqual([CHAMPIONS]);
    // A mail client's one-click unsubscribe stops the rest.
    await unsubscribePage.action({ request: pageRequest(path, { form: { "List-Unsubscribe": "One-Click" } }), params: { token }, context: testContext });
    expect(await subscribedWorkspaces(reporter.id)).toEqual([]);

    expect(await digestTokenOwner("not-a-token")).toBeUndefined();
    testClock.advance(91 * 24 * 60 * 60_000);
    expect(await digestTokenOwner(token)).toBeUndefined();
    await unsubscribe(reporter.id, null);
  });
});

describe("personal data", () => {
  it("downloads the member's own posts and choices, and nothing of other members' posts", async () => {
    const { poster, reporter, lead } = await setUp();
    await joinWorkspace(await viewer(poster.id, LONDON));
    await joinWorkspace(await viewer(reporter.id, LONDON));
    await setDigest(await viewer(poster.id, LONDON), true);
    const started = await startThread(await viewer(poster.id, LONDON), { title: "My question", body: "My words", confirmNotPatientData: false });
    if (!started.ok) throw new Error("not started");
    const thread = await requireThread(await viewer(lead.id, LONDON), started.threadId);
    await reply(await viewer(lead.id, LONDON), thread, { body: "The lead's words", confirmNotPatientData: false });
    const { post } = await requirePost(await viewer(reporter.id, LONDON), started.postId);
    await reportPost(await viewer(reporter.id, LONDON), post, { reason: "other", details: "Off topic" });

    const mine = JSON.stringify(await exportMemberData(poster.id));
    expect(mine).toContain("My words");
    expect(mine).toContain("My question");
    expect(mine).not.toContain("The lead's words");
    expect(mine).not.toContain("Off topic");
    expect(JSON.stringify(await exportMemberData(reporter.id))).toContain("Off topic");
  });

  it("on leaving: memberships and digest choices go, posts stay as by a former member, reports lose the reporter's name", async () => {
    const { poster, reporter, lead } = await setUp();
    await joinWorkspace(await viewer(poster.id, LONDON));
    await joinWorkspace(await viewer(reporter.id, LONDON));
    await setDigest(await viewer(poster.id, LONDON), true);
    const started = await startThread(await viewer(poster.id, LONDON), { title: "My question", body: "My words", confirmNotPatientData: false });
    if (!started.ok) throw new Error("not started");
    const { post } = await requirePost(await viewer(reporter.id, LONDON), started.postId);
    await reportPost(await viewer(reporter.id, LONDON), post, { reason: "other", details: "Off topic" });

    await leaveNetwork(poster.id);
    await leaveNetwork(reporter.id);
    expect(await membersOf(LONDON)).toEqual([{ user_id: lead.id, status: "member" }]);
    expect(await database.selectFrom("workspace_digest_subscriptions").selectAll().execute()).toEqual([]);
    const asLead = await viewer(lead.id, LONDON);
    const posts = await listPosts(asLead, await requireThread(asLead, started.threadId), 1);
    expect(posts.posts[0]).toMatchObject({ authorName: "Former member", html: expect.stringContaining("My words") });
    expect((await reportQueue(asLead.workspace.id, 1)).reports[0]).toMatchObject({ reporter_name: null, details: "Off topic" });
  });
});

describe("demo data", () => {
  it("adds a lead, threads, a request waiting, an open report and a resource file, once", async () => {
    await insertNamedWorkspaces(database, nowIso());
    await seedDemoMembers(database);
    expect(await seedWorkspacesDemo(database)).toMatch(/workspace lead.*request to join.*threads.*1 open report.*1 workspace resource file/);
    expect(await seedWorkspacesDemo(database)).toBe("");
    const lead = await database.selectFrom("users").select("id").where("email", "=", DEMO_LEAD_EMAIL).executeTakeFirstOrThrow();
    expect(await hasRole(lead.id, "workspace_lead", LONDON)).toBe(true);
    expect(await membersOf(CHAMPIONS)).toContainEqual(expect.objectContaining({ status: "requested" }));
    expect(await database.selectFrom("workspace_reports").select("status").execute()).toEqual([{ status: "open" }]);
    const [file] = await database.selectFrom("workspace_resource_files").selectAll().execute();
    expect(file).toMatchObject({ format: "pdf", added_by: lead.id });
    expect((await fileStorage().readBytes(file!.storage_key, 0, file!.byte_size)).toString("latin1")).toMatch(/^%PDF-[\s\S]*%%EOF\n$/);
  });
});
