import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { insertNamedWorkspaces } from "#db/migrations/0006_workspaces";
import { nowIso, testClock } from "~/clock.server";
import * as newBulletin from "~/routes/admin.bulletins.new";
import * as newRecording from "~/routes/admin.recordings.new";
import * as newWebinar from "~/routes/admin.webinars.new";
import * as newWorkspace from "~/routes/admin.workspaces.new";
import * as newThread from "~/routes/workspaces.$slug.new";
import * as threadPage from "~/routes/workspaces.$slug.threads.$threadId";
import { addWebinar } from "../support/recordings";
import { createAdmin, createMember, outcome, pageData, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";
import { validWebinarForm } from "../support/webinars";
import { createOnce, newOnceToken, recordOnce } from "~/lib/once.server";

const { database } = setUpDatabaseTests();

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

/** The one-time token the form's page carries (OnceField). */
async function tokenFrom(loader: Loader, path: string, params: Record<string, string>, cookie: string): Promise<string> {
  const { once } = pageData<{ once: string }>(await loader({ request: pageRequest(path, { cookie }), params, context: testContext }));
  expect(once).toMatch(/^[a-z2-7]{32}$/);
  return once;
}

/** Sends the form and gives where the answer redirected. */
async function send(action: Action, path: string, params: Record<string, string>, cookie: string, form: Record<string, string | string[]>): Promise<string | null> {
  const answer = await outcome(() => action({ request: pageRequest(path, { cookie, form }), params, context: testContext }));
  expect(answer, JSON.stringify(answer)).toBeInstanceOf(Response);
  return (answer as Response).headers.get("Location");
}

async function count(table: "webinars" | "webinar_series" | "webinar_announcements" | "bulletins" | "recordings" | "workspaces" | "workspace_threads" | "workspace_posts") {
  const row = await database.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("a create form sent twice creates once", () => {
  it("a webinar: the repeat goes to the first, and one announcement starts", async () => {
    testClock.freeze("2027-01-10T10:00:00Z");
    const cookie = await sessionCookieFor((await createAdmin()).id);
    const once = await tokenFrom(newWebinar.loader, "/admin/webinars/new", {}, cookie);
    const form = { kind: "single", ...validWebinarForm, once };
    const first = await send(newWebinar.action, "/admin/webinars/new", {}, cookie, form);
    expect(first).toMatch(/^\/admin\/webinars\/\d+$/);
    expect(await send(newWebinar.action, "/admin/webinars/new", {}, cookie, form)).toBe(first);
    expect(await count("webinars")).toBe(1);
    expect(await count("webinar_announcements")).toBe(1);

    // Another showing of the form is another submission.
    const again = await tokenFrom(newWebinar.loader, "/admin/webinars/new", {}, cookie);
    expect(again).not.toBe(once);
    expect(await send(newWebinar.action, "/admin/webinars/new", {}, cookie, { ...form, once: again })).not.toBe(first);
    expect(await count("webinars")).toBe(2);
  });

  it("the same showing of the form sent again with the other choice (a series, not one webinar) is a new submission", async () => {
    testClock.freeze("2027-01-10T10:00:00Z");
    const cookie = await sessionCookieFor((await createAdmin()).id);
    const once = await tokenFrom(newWebinar.loader, "/admin/webinars/new", {}, cookie);
    const single = await send(newWebinar.action, "/admin/webinars/new", {}, cookie, { kind: "single", ...validWebinarForm, once });
    expect(single).toMatch(/^\/admin\/webinars\/\d+$/);
    const series = await send(newWebinar.action, "/admin/webinars/new", {}, cookie, { kind: "series", ...validWebinarForm, once });
    expect(series).toMatch(/^\/admin\/webinars\/series\/\d+$/);
    expect(await count("webinar_series")).toBe(1);
  });

  it("a series: one series with its occurrences", async () => {
    testClock.freeze("2027-01-10T10:00:00Z");
    const cookie = await sessionCookieFor((await createAdmin()).id);
    const form = { kind: "series", ...validWebinarForm, once: await tokenFrom(newWebinar.loader, "/admin/webinars/new", {}, cookie) };
    const first = await send(newWebinar.action, "/admin/webinars/new", {}, cookie, form);
    expect(first).toMatch(/^\/admin\/webinars\/series\/\d+$/);
    const occurrences = await count("webinars");
    expect(await send(newWebinar.action, "/admin/webinars/new", {}, cookie, form)).toBe(first);
    expect(await count("webinar_series")).toBe(1);
    expect(await count("webinars")).toBe(occurrences);
    expect(await count("webinar_announcements")).toBe(1);
  });

  it("a bulletin", async () => {
    const cookie = await sessionCookieFor((await createAdmin()).id);
    const form = { subject: "December bulletin", preheader: "", body: "News.", once: await tokenFrom(newBulletin.loader, "/admin/bulletins/new", {}, cookie) };
    const first = await send(newBulletin.action, "/admin/bulletins/new", {}, cookie, form);
    expect(first).toMatch(/^\/admin\/bulletins\/\d+$/);
    expect(await send(newBulletin.action, "/admin/bulletins/new", {}, cookie, form)).toBe(first);
    expect(await count("bulletins")).toBe(1);
    const other = { ...form, once: await tokenFrom(newBulletin.loader, "/admin/bulletins/new", {}, cookie) };
    expect(await send(newBulletin.action, "/admin/bulletins/new", {}, cookie, other)).not.toBe(first);
    expect(await count("bulletins")).toBe(2);
  });

  it("two copies at the same moment: the second's unique token rolls it back, and it goes to the first", async () => {
    const cookie = await sessionCookieFor((await createAdmin()).id);
    const form = { subject: "December bulletin", preheader: "", body: "News.", once: await tokenFrom(newBulletin.loader, "/admin/bulletins/new", {}, cookie) };
    const [one, two] = await Promise.all([0, 1].map(() => send(newBulletin.action, "/admin/bulletins/new", {}, cookie, form)));
    expect(one).toMatch(/^\/admin\/bulletins\/\d+$/);
    expect(two).toBe(one);
    expect(await count("bulletins")).toBe(1);
    const audit = await database.selectFrom("audit_log").select("action").where("action", "=", "bulletin.created").execute();
    expect(audit).toHaveLength(1);
  });

  it("keeps tokens for a day", async () => {
    const cookie = await sessionCookieFor((await createAdmin()).id);
    const form = { subject: "December bulletin", preheader: "", body: "News." };
    await send(newBulletin.action, "/admin/bulletins/new", {}, cookie, { ...form, once: await tokenFrom(newBulletin.loader, "/admin/bulletins/new", {}, cookie) });
    testClock.advance(25 * 60 * 60_000);
    await send(newBulletin.action, "/admin/bulletins/new", {}, cookie, { ...form, once: await tokenFrom(newBulletin.loader, "/admin/bulletins/new", {}, cookie) });
    expect(await database.selectFrom("form_submissions").select("created_at").execute()).toHaveLength(1);
  });

  it("a recording", async () => {
    const cookie = await sessionCookieFor((await createAdmin()).id);
    const webinarId = await addWebinar(database);
    const once = await tokenFrom(newRecording.loader, "/admin/recordings/new", {}, cookie);
    const form = { webinarId: String(webinarId), title: "Housing", description: "Referral routes.", themes: ["money-and-housing"], once };
    const first = await send(newRecording.action, "/admin/recordings/new", {}, cookie, form);
    expect(first).toMatch(/^\/admin\/recordings\/\d+$/);
    expect(await send(newRecording.action, "/admin/recordings/new", {}, cookie, form)).toBe(first);
    expect(await count("recordings")).toBe(1);
  });

  it("a workspace: the repeat is not told its own web address is taken", async () => {
    const cookie = await sessionCookieFor((await createAdmin()).id);
    const once = await tokenFrom(newWorkspace.loader, "/admin/workspaces/new", {}, cookie);
    const form = { name: "North East", slug: "north-east", description: "Link workers in the North East", kind: "regional", visibility: "open", once };
    const before = await count("workspaces");
    const first = await send(newWorkspace.action, "/admin/workspaces/new", {}, cookie, form);
    expect(first).toMatch(/^\/admin\/workspaces\/\d+$/);
    expect(await send(newWorkspace.action, "/admin/workspaces/new", {}, cookie, form)).toBe(first);
    expect(await count("workspaces")).toBe(before + 1);
  });

  it("answers a copy refused by its own checks after the first had committed with what the first created", async () => {
    const once = { token: newOnceToken(), kind: "workspace" };
    const answer = await createOnce(once, async () => {
      // The first copy commits while this one runs its checks ("that web address is taken").
      await recordOnce(database, once, 42);
      return { ok: false as const, error: "A workspace already has that web address" };
    });
    expect(answer).toEqual({ earlier: 42 });
    // A refusal of its own stands.
    const other = { token: newOnceToken(), kind: "workspace" };
    expect(await createOnce(other, async () => ({ ok: false as const, error: "Enter a name" }))).toEqual({ result: { ok: false, error: "Enter a name" } });
  });

  it("a member's new thread and reply", async () => {
    await insertNamedWorkspaces(database, nowIso());
    const member = await createMember();
    const workspace = await database.selectFrom("workspaces").select("id").where("slug", "=", "london").executeTakeFirstOrThrow();
    await database.insertInto("workspace_memberships").values({ workspace_id: workspace.id, user_id: member.id, status: "member", joined_at: nowIso() }).execute();
    const cookie = await sessionCookieFor(member.id);
    const params = { slug: "london" };
    const form = { title: "Housing referrals", body: "How do you refer?", once: await tokenFrom(newThread.loader, "/workspaces/london/new", params, cookie) };
    const first = await send(newThread.action, "/workspaces/london/new", params, cookie, form);
    expect(first).toMatch(/^\/workspaces\/london\/threads\/\d+$/);
    expect(await send(newThread.action, "/workspaces/london/new", params, cookie, form)).toBe(first);
    expect(await count("workspace_threads")).toBe(1);

    const threadParams = { slug: "london", threadId: first!.split("/").pop()! };
    const replyForm = { body: "Through the council.", once: await tokenFrom(threadPage.loader, first!, threadParams, cookie) };
    const replied = await send(threadPage.action, first!, threadParams, cookie, replyForm);
    expect(replied).toMatch(/#post-\d+$/);
    expect(await send(threadPage.action, first!, threadParams, cookie, replyForm)).toBe(replied);
    expect(await count("workspace_posts")).toBe(2);
  });

  it("a form without a token (a page from before) still creates", async () => {
    const cookie = await sessionCookieFor((await createAdmin()).id);
    const form = { subject: "December bulletin", preheader: "", body: "News." };
    await send(newBulletin.action, "/admin/bulletins/new", {}, cookie, form);
    await send(newBulletin.action, "/admin/bulletins/new", {}, cookie, form);
    expect(await count("bulletins")).toBe(2);
  });
});
