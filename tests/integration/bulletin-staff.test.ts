import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { recordPermanentFailure } from "~/bulletin/bounces.server";
import { findBulletin, setBulletinPublic } from "~/bulletin/bulletins.server";
import { countSubscribers } from "~/bulletin/subscribers.server";
import { unsubscribeTokenOwner } from "~/bulletin/unsubscribe-token.server";
import * as accountPage from "~/routes/account._index";
import * as addressCheck from "~/routes/account.bulletin-address";
import * as bulletinPage from "~/routes/admin.bulletins.$id._index";
import * as editPage from "~/routes/admin.bulletins.$id.edit";
import * as previewHtml from "~/routes/admin.bulletins.$id.email-preview";
import * as schedulePage from "~/routes/admin.bulletins.$id.schedule";
import * as sendPage from "~/routes/admin.bulletins.$id.send";
import * as listPage from "~/routes/admin.bulletins._index";
import * as newPage from "~/routes/admin.bulletins.new";
import * as archivedPage from "~/routes/bulletins.$id._index";
import * as archivePage from "~/routes/bulletins._index";
import { testClock } from "~/clock.server";
import { refusedCopy, sendAndQueue, writeBulletin } from "../support/bulletin";
import { createAdmin, createMember, outcome, pageData, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";

const { database } = setUpDatabaseTests();

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

const call = (fn: Loader | Action, path: string, params: Record<string, string>, options: { cookie?: string; form?: Record<string, string> } = {}) =>
  outcome(() => fn({ request: pageRequest(path, options), params, context: testContext }));

/** Where an action redirected, and the one-time message it left for that page (app/lib/flash.server.ts). */
function outcomeOf(response: Response): { to: string | null; message: string | undefined } {
  const payload = /spn_flash=([^.;]+)\./.exec(response.headers.get("Set-Cookie") ?? "")?.[1];
  const message = payload ? (JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { message: string }).message : undefined;
  return { to: response.headers.get("Location"), message };
}

const body = { subject: "December bulletin", preheader: "Winter news", body: "## Hello\n\nNews from the network." };

const STAFF_ROUTES: Array<[string, Loader, Action | undefined, Record<string, string> | undefined]> = [
  ["/admin/bulletins", listPage.loader, undefined, undefined],
  ["/admin/bulletins/new", newPage.loader, newPage.action, body],
  ["/admin/bulletins/:id", bulletinPage.loader, bulletinPage.action, { intent: "test" }],
  ["/admin/bulletins/:id/edit", editPage.loader, editPage.action, body],
  ["/admin/bulletins/:id/send", sendPage.loader, sendPage.action, {}],
  ["/admin/bulletins/:id/schedule", schedulePage.loader, schedulePage.action, { date: "2027-01-10", time: "09:00" }],
];

describe.each(STAFF_ROUTES)("%s is for staff only", (pattern, loader, action, form) => {
  it("members get 403 and visitors are sent to sign in, on GET and POST, and nothing changes", async () => {
    const admin = await createAdmin();
    const id = await writeBulletin(admin.id);
    const path = pattern.replace(":id", String(id));
    const params = { id: String(id) };
    const memberCookie = await sessionCookieFor((await createMember()).id);
    expect(((await call(loader, path, params, { cookie: memberCookie })) as Response).status).toBe(403);
    expect(((await call(loader, path, params)) as Response).headers.get("Location")).toBe(`/sign-in?${new URLSearchParams({ redirectTo: path })}`);
    if (action) {
      const before = await database.selectFrom("bulletins").selectAll().execute();
      expect(((await call(action, path, params, { cookie: memberCookie, form })) as Response).status).toBe(403);
      expect(((await call(action, path, params, { form })) as Response).status).toBe(302);
      expect(await database.selectFrom("bulletins").selectAll().execute()).toEqual(before);
      expect(await database.selectFrom("outbox").selectAll().execute()).toEqual([]);
    }
  });
});

describe("the email preview, which has no page of its own", () => {
  it("sends members and a missing bulletin to the bulletin's page, for its 403 or 404, and visitors to sign in", async () => {
    const admin = await createAdmin();
    const id = await writeBulletin(admin.id);
    const path = `/admin/bulletins/${id}/email-preview`;
    const memberCookie = await sessionCookieFor((await createMember()).id);
    expect(((await call(previewHtml.loader, path, { id: String(id) }, { cookie: memberCookie })) as Response).headers.get("Location")).toBe(`/admin/bulletins/${id}`);
    expect(((await call(bulletinPage.loader, `/admin/bulletins/${id}`, { id: String(id) }, { cookie: memberCookie })) as Response).status).toBe(403);
    expect(((await call(previewHtml.loader, path, { id: String(id) })) as Response).headers.get("Location")).toBe(`/sign-in?${new URLSearchParams({ redirectTo: path })}`);
    const adminCookie = await sessionCookieFor(admin.id);
    const missing = (await call(previewHtml.loader, "/admin/bulletins/999999/email-preview", { id: "999999" }, { cookie: adminCookie })) as Response;
    expect(missing.headers.get("Location")).toBe("/admin/bulletins/999999");
    expect(((await call(bulletinPage.loader, "/admin/bulletins/999999", { id: "999999" }, { cookie: adminCookie })) as Response).status).toBe(404);
  });
});

describe("writing and sending a bulletin", () => {
  it("saves a draft, says what is wrong with a bad one, and edits it until it is sent", async () => {
    const admin = await createAdmin();
    const cookie = await sessionCookieFor(admin.id);
    const bad = (await call(newPage.action, "/admin/bulletins/new", {}, { cookie, form: { subject: "", body: "" } })) as { error: Record<string, string[]> };
    expect(bad.error).toMatchObject({ subject: ["Enter the subject"], body: ["Enter the bulletin's text"] });

    const saved = (await call(newPage.action, "/admin/bulletins/new", {}, { cookie, form: body })) as Response;
    const id = Number(/^\/admin\/bulletins\/(\d+)$/.exec(saved.headers.get("Location") ?? "")?.[1]);
    expect(outcomeOf(saved).message).toBe("Saved. Check the preview below before sending.");
    expect(await findBulletin(id)).toMatchObject({ subject: "December bulletin", preheader: "Winter news", status: "draft" });

    const edited = (await call(editPage.action, `/admin/bulletins/${id}/edit`, { id: String(id) }, { cookie, form: { ...body, subject: "January bulletin" } })) as Response;
    expect(outcomeOf(edited)).toEqual({ to: `/admin/bulletins/${id}`, message: "Saved. Check the preview below before sending." });
    expect(await findBulletin(id)).toMatchObject({ subject: "January bulletin" });

    await sendAndQueue(admin.id, id);
    const afterSending = (await call(editPage.loader, `/admin/bulletins/${id}/edit`, { id: String(id) }, { cookie })) as Response;
    expect(afterSending.headers.get("Location")).toBe(`/admin/bulletins/${id}`);
    const refused = (await call(editPage.action, `/admin/bulletins/${id}/edit`, { id: String(id) }, { cookie, form: body })) as { error: Record<string, string[]> };
    expect(refused.error[""]).toEqual(["This bulletin has started sending, so it can no longer be changed."]);
    expect(await findBulletin(id)).toMatchObject({ subject: "January bulletin" });
  });

  it("shows the preview (HTML frames and plain text) with an example unsubscribe link, and the count before sending, changing nothing", async () => {
    const admin = await createAdmin();
    await createMember({ bulletin_opt_in: 1 });
    await createMember({ bulletin_opt_in: 0 });
    const cookie = await sessionCookieFor(admin.id);
    const id = await writeBulletin(admin.id, { body: "Hello <script>alert(1)</script> [bad](javascript:alert(1)) [good](https://example.org/)" });
    const page = ((await call(bulletinPage.loader, `/admin/bulletins/${id}?done=sent`, { id: String(id) }, { cookie })) as Awaited<ReturnType<typeof bulletinPage.loader>>).data;
    // A link cannot make the page claim something happened: its messages come only from a signed one-time cookie.
    expect(page.banner).toBeNull();
    expect(page.subscribers).toBe(1);
    // Typed HTML and a link that is not allowed stay as the words typed.
    expect(page.previewText).toContain("Hello <script>alert(1)</script> [bad](javascript:alert(1)) good https://example.org/");
    expect(page.previewText).toContain("http://localhost:3000/unsubscribe/example");
    expect(await database.selectFrom("bulletin_unsubscribe_tokens").selectAll().execute()).toEqual([]);

    const html = (await call(previewHtml.loader, `/admin/bulletins/${id}/email-preview`, { id: String(id) }, { cookie })) as Response;
    expect(html.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const text = await html.text();
    expect(text).toContain("&lt;script&gt;");
    expect(text).not.toContain("<script");
    expect(text).not.toMatch(/href="javascript:/);
    expect(text).toContain('href="https://example.org/"');

    const confirm = (await call(sendPage.loader, `/admin/bulletins/${id}/send`, { id: String(id) }, { cookie })) as Awaited<ReturnType<typeof sendPage.loader>>;
    expect(confirm.subscribers).toBe(1);
  });

  it("sends a test copy only to the member of staff, at most ten an hour", async () => {
    testClock.freeze("2027-01-10T09:00:00Z");
    const admin = await createAdmin();
    await createMember({ bulletin_opt_in: 1 });
    const cookie = await sessionCookieFor(admin.id);
    const id = await writeBulletin(admin.id, { subject: "Winter" });
    for (let i = 0; i < 10; i++) {
      const sent = (await call(bulletinPage.action, `/admin/bulletins/${id}`, { id: String(id) }, { cookie, form: { intent: "test" } })) as Response;
      expect(outcomeOf(sent)).toEqual({ to: `/admin/bulletins/${id}`, message: "A test copy is on its way to your email address." });
    }
    const limited = (await call(bulletinPage.action, `/admin/bulletins/${id}`, { id: String(id) }, { cookie, form: { intent: "test" } })) as { init: { status: number } };
    expect(limited.init.status).toBe(429);
    const outbox = await database.selectFrom("outbox").select(["to_address", "subject", "headers_json"]).execute();
    expect(outbox).toHaveLength(10);
    expect(new Set(outbox.map((row) => row.to_address))).toEqual(new Set([admin.email]));
    expect(outbox[0]?.subject).toBe("Test: Winter");
    expect(JSON.parse(outbox[0]!.headers_json)).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    // Each test copy's link is a working one of the staff member's own.
    const link = /<[^>]+\/unsubscribe\/([a-z2-7]{32})>/.exec(JSON.parse(outbox[0]!.headers_json)["List-Unsubscribe"])?.[1];
    expect(await unsubscribeTokenOwner(database, link ?? "")).toBe(admin.id);
    expect(await findBulletin(id)).toMatchObject({ status: "draft" });
  });

  it("sends once however often the confirmation is submitted, by one member of staff or two at once, and the list shows the figures", async () => {
    const admin = await createAdmin();
    const otherAdmin = await createAdmin();
    await createMember({ bulletin_opt_in: 1 });
    await createMember({ bulletin_opt_in: 1 });
    const cookie = await sessionCookieFor(admin.id);
    const otherCookie = await sessionCookieFor(otherAdmin.id);
    const id = await writeBulletin(admin.id);
    const send = (as: string) => call(sendPage.action, `/admin/bulletins/${id}/send`, { id: String(id) }, { cookie: as, form: {} }) as Promise<Response>;
    const answers = await Promise.all([send(cookie), send(otherCookie), send(cookie)]);
    const outcomes = answers.map(outcomeOf);
    expect(new Set(outcomes.map((outcome) => outcome.to))).toEqual(new Set([`/admin/bulletins/${id}`]));
    expect(outcomes.map((outcome) => outcome.message?.split(".")[0]).sort()).toEqual([
      "Sending has started",
      "This bulletin had already started sending, so it was not sent again",
      "This bulletin had already started sending, so it was not sent again",
    ]);
    expect(await database.selectFrom("jobs").selectAll().execute()).toHaveLength(1);
    expect(await database.selectFrom("audit_log").select("details_json").where("action", "=", "bulletin.sent").execute()).toEqual([
      { details_json: JSON.stringify({ subscribers: 2 }) },
    ]);
    await sendAndQueue(admin.id, id);
    const list = (await call(listPage.loader, "/admin/bulletins", {}, { cookie })) as Awaited<ReturnType<typeof listPage.loader>>;
    expect(list.summary).toEqual({ subscribed: 2, paused: 0, notSubscribed: 2 });
    expect(list.bulletins[0]?.figures).toMatchObject({ recipients: 2, queued: 2, sent: 0 });
  });

  it("makes a sent bulletin public or members-only in the archive, and not a draft", async () => {
    const admin = await createAdmin();
    const cookie = await sessionCookieFor(admin.id);
    const draft = await writeBulletin(admin.id);
    expect(await setBulletinPublic(admin.id, draft, true)).toBe(false);
    const refused = await call(bulletinPage.action, `/admin/bulletins/${draft}`, { id: String(draft) }, { cookie, form: { intent: "make-public" } });
    expect(pageData(refused)).toEqual({ error: "Only a sent bulletin can be in the archive." });
    expect(await findBulletin(draft)).toMatchObject({ is_public: 0 });
    await sendAndQueue(admin.id, draft);
    const made = (await call(bulletinPage.action, `/admin/bulletins/${draft}`, { id: String(draft) }, { cookie, form: { intent: "make-public" } })) as Response;
    expect(outcomeOf(made)).toEqual({ to: `/admin/bulletins/${draft}`, message: "Anyone visiting the portal can now read this bulletin in the archive." });
    expect(await findBulletin(draft)).toMatchObject({ is_public: 1 });
  });
});

describe("the archive", () => {
  async function archive() {
    const admin = await createAdmin();
    const member = await createMember();
    const publicOne = await writeBulletin(admin.id, { subject: "Public one" });
    const membersOnly = await writeBulletin(admin.id, { subject: "Members only" });
    const draft = await writeBulletin(admin.id, { subject: "Still a draft" });
    await sendAndQueue(admin.id, publicOne);
    await sendAndQueue(admin.id, membersOnly);
    await setBulletinPublic(admin.id, publicOne, true);
    return { publicOne, membersOnly, draft, memberCookie: await sessionCookieFor(member.id) };
  }

  it("lists public bulletins to visitors and every sent one to members, never drafts", async () => {
    const { memberCookie } = await archive();
    const asVisitor = (await call(archivePage.loader, "/bulletins", {})) as Awaited<ReturnType<typeof archivePage.loader>>;
    expect(asVisitor.rows.map((row) => row.subject)).toEqual(["Public one"]);
    const asMember = (await call(archivePage.loader, "/bulletins", {}, { cookie: memberCookie })) as Awaited<ReturnType<typeof archivePage.loader>>;
    expect(asMember.rows.map((row) => row.subject).sort()).toEqual(["Members only", "Public one"]);
  });

  it("shows a members-only bulletin to members and sends visitors to sign in; a draft is not found", async () => {
    const { publicOne, membersOnly, draft, memberCookie } = await archive();
    const shown = (await call(archivedPage.loader, `/bulletins/${publicOne}`, { id: String(publicOne) })) as { subject: string; bodyHtml: string };
    expect(shown.subject).toBe("Public one");
    // Pictures become links on the portal's pages, whose policy only loads pictures from the portal.
    expect(shown.bodyHtml).toContain('<a href="https://images.example.org/walk.jpg">Picture: a walking group</a>');
    const visitor = (await call(archivedPage.loader, `/bulletins/${membersOnly}`, { id: String(membersOnly) })) as Response;
    expect(visitor.headers.get("Location")).toBe(`/sign-in?${new URLSearchParams({ redirectTo: `/bulletins/${membersOnly}` })}`);
    const member = (await call(archivedPage.loader, `/bulletins/${membersOnly}`, { id: String(membersOnly) }, { cookie: memberCookie })) as { subject: string };
    expect(member.subject).toBe("Members only");
    expect(((await call(archivedPage.loader, `/bulletins/${draft}`, { id: String(draft) }, { cookie: memberCookie })) as Response).status).toBe(404);
  });
});

describe("a refused address", () => {
  it("is shown on the account page until the member confirms it, or changes it", async () => {
    const member = await createMember({ bulletin_opt_in: 1, email: "moved.on@nhs.net" });
    const cookie = await sessionCookieFor(member.id);
    const account = async () => ((await call(accountPage.loader, "/account", {}, { cookie })) as { data: { refusedAddress: unknown } }).data;
    expect((await account()).refusedAddress).toBeNull();
    await database.transaction().execute((trx) => recordPermanentFailure(trx, refusedCopy("moved.on@nhs.net", 550, "550 5.1.1 User unknown")));
    expect((await account()).refusedAddress).toMatchObject({ email: "moved.on@nhs.net" });

    const confirmed = (await call(addressCheck.action, "/account/bulletin-address", {}, { cookie, form: {} })) as Response;
    expect(confirmed.headers.get("Location")).toBe("/account/bulletin-address?confirmed");
    expect((await account()).refusedAddress).toBeNull();
    expect(await database.selectFrom("audit_log").select("action").where("action", "like", "bulletin.%").orderBy("id").execute()).toEqual([
      { action: "bulletin.address-refused" },
      { action: "bulletin.address-confirmed" },
    ]);

    // Refused again, then the member changes address: the refusal no longer applies.
    await database.transaction().execute((trx) => recordPermanentFailure(trx, refusedCopy("moved.on@nhs.net", 550, "550 User unknown")));
    await database.updateTable("users").set({ email: "new.job@nhs.net" }).where("id", "=", member.id).execute();
    expect((await account()).refusedAddress).toBeNull();
  });

  it("is recorded whichever email the address refused: a sign-in code to a closed mailbox pauses the bulletin too", async () => {
    const member = await createMember({ bulletin_opt_in: 1, email: "closed@nhs.net" });
    const marked = await database.transaction().execute((trx) =>
      recordPermanentFailure(trx, refusedCopy("closed@nhs.net", 550, "550 5.1.1 Mailbox does not exist", "sign-in-code")),
    );
    expect(marked).toBe(true);
    expect(await database.selectFrom("bulletin_bounces").select(["user_id", "bulletin_id"]).execute()).toEqual([{ user_id: member.id, bulletin_id: null }]);
    expect(await countSubscribers(database)).toBe(0);
  });

  it("is not recorded for a refusal about the message rather than the address (5.7.1 policy)", async () => {
    await createMember({ bulletin_opt_in: 1, email: "fine@nhs.net" });
    const marked = await database.transaction().execute((trx) =>
      recordPermanentFailure(trx, refusedCopy("fine@nhs.net", 550, "550 5.7.1 Message rejected as spam")),
    );
    expect(marked).toBe(false);
    expect(await database.selectFrom("bulletin_bounces").selectAll().execute()).toEqual([]);
  });
});
