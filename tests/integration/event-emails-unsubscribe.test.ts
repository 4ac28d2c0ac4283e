import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { findUserById } from "~/auth/users.server";
import { randomToken } from "~/auth/tokens.server";
import { testClock } from "~/clock.server";
import { messageContent } from "~/mail/bulk.server";
import { deliverDueEmails } from "~/mail/delivery.server";
import { createMailTransport } from "~/mail/transport.server";
import { isOneClickUnsubscribe } from "~/mail/one-click-unsubscribe";
import { newEventEmailTokens } from "~/membership/event-emails-unsubscribe.server";
import { publishRecording } from "~/recordings/admin.server";
import * as unsubscribePage from "~/routes/event-emails.unsubscribe.$token";
import { runAnnouncement } from "~/webinars/announce-webinar.server";
import { createAdmin, createMember, setUpDatabaseTests, testContext } from "../support/fixtures";
import { addWebinar, completeRecording, register } from "../support/recordings";
import { renderPage } from "../support/render-page";
import { SmtpSink } from "../support/smtp-sink";
import { newWebinar } from "../support/webinars";

/**
 * The unsubscribe link in webinar and event emails (announcements, "recording published"): in the
 * footer and the List-Unsubscribe header of every copy; opening it changes nothing; the page's button
 * or a mail provider's one-click POST turns off that member's event emails and nothing else.
 */
const { database } = setUpDatabaseTests();

const LINK = /http:\/\/localhost:\d+\/event-emails\/unsubscribe\/([a-z2-7]{32})/;

/** The member's last email of `template` as delivered: its text and headers. */
async function delivered(to: string, template: string) {
  const message = await database.selectFrom("outbox").selectAll().where("to_address", "=", to).where("template", "=", template).orderBy("id", "desc").executeTakeFirstOrThrow();
  const { html, text } = await messageContent(database, message);
  return { html, text, headers: JSON.parse(message.headers_json) as Record<string, string> };
}

/** Checks the copy's footer link and headers agree, and returns the token. */
function linkIn(mail: { html: string; text: string; headers: Record<string, string> }): string {
  const url = LINK.exec(mail.text)?.[0];
  expect(url, mail.text).toBeDefined();
  expect(mail.html).toContain(`href="${url}"`);
  expect(mail.headers["List-Unsubscribe"]).toMatch(new RegExp(`^<${url}>, <mailto:[^>]+\\?subject=unsubscribe>$`));
  expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  return LINK.exec(url!)![1]!;
}

function get(token: string) {
  return unsubscribePage.loader({ request: new Request(`http://localhost/event-emails/unsubscribe/${token}`), params: { token }, context: testContext });
}

/** A POST as a mail provider sends it: no cookie, from another site, just the body. */
function post(token: string, body: string): ActionFunctionArgs {
  const headers = { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://mail.example.net" };
  return { request: new Request(`http://localhost/event-emails/unsubscribe/${token}`, { method: "POST", headers, body }), params: { token }, context: testContext };
}

const statusOf = (result: unknown) => (result as { init: { status: number } }).init.status;
const pageOf = (result: unknown) => (result as { data: Record<string, unknown> }).data;
const consents = async (userId: number) => {
  const user = await findUserById(userId);
  return { bulletin: user?.bulletin_opt_in, events: user?.events_opt_in };
};
const auditOf = (userId: number) =>
  database.selectFrom("audit_log").select(["action", "actor_user_id", "subject_id", "details_json"]).where("subject_id", "=", String(userId)).where("action", "like", "member.%").execute();

describe("the webinar announcement", () => {
  it("carries a link of its own in the footer and List-Unsubscribe header that stops event emails", async () => {
    testClock.freeze("2027-03-01T09:00:00Z");
    const first = await createMember({ events_opt_in: 1, bulletin_opt_in: 1 });
    const second = await createMember({ events_opt_in: 1 });
    const admin = await createAdmin();
    await newWebinar(admin.id);
    const announcement = await database.selectFrom("webinar_announcements").select("key").executeTakeFirstOrThrow();
    expect(await runAnnouncement(announcement.key)).toBe(2);

    const token = linkIn(await delivered(first.email, "webinar-announcement"));
    expect(linkIn(await delivered(second.email, "webinar-announcement"))).not.toBe(token);
    // Only a hash is kept.
    expect(await database.selectFrom("event_email_unsubscribe_tokens").select("token_hash").where("token_hash", "=", token).execute()).toEqual([]);

    // Opening it (a link scanner, or the member) changes nothing.
    for (let i = 0; i < 2; i++) {
      const page = await get(token);
      expect(statusOf(page)).toBe(200);
      expect(pageOf(page)).toMatchObject({ kind: "member", subscribed: true });
      expect(JSON.stringify(pageOf(page))).not.toContain(first.email);
    }
    expect(await consents(first.id)).toEqual({ bulletin: 1, events: 1 });
    expect(await auditOf(first.id)).toEqual([]);

    // The page's button turns event emails off, and only for this member.
    const result = await unsubscribePage.action(post(token, "intent=unsubscribe"));
    expect(statusOf(result)).toBe(200);
    expect(pageOf(result)).toEqual({ problem: null, stopped: true });
    expect(await consents(first.id)).toEqual({ bulletin: 1, events: 0 });
    expect(await consents(second.id)).toEqual({ bulletin: 0, events: 1 });
    expect(await auditOf(first.id)).toEqual([
      {
        action: "member.preferences-updated",
        actor_user_id: first.id,
        subject_id: String(first.id),
        details_json: JSON.stringify({ bulletin: true, events: false, via: "unsubscribe link" }),
      },
    ]);
    expect(pageOf(await get(token))).toMatchObject({ kind: "member", subscribed: false });
  });
});

describe("the recording-published email", () => {
  it("carries a working link, and a one-click POST from a mail provider (no cookie, another site) stops event emails once", async () => {
    const admin = await createAdmin();
    const webinarId = await addWebinar(database);
    const member = await createMember({ events_opt_in: 1 });
    await register(database, webinarId, member.id, "approved");
    const recordingId = await completeRecording(admin.id, webinarId, { title: "Housing problems and where to refer" });
    expect(await publishRecording(admin.id, recordingId)).toEqual({ ok: true, notified: 1 });

    const token = linkIn(await delivered(member.email, "recording-published"));
    // The server's same-origin check lets this path's one-click POST through from another site.
    const path = `/event-emails/unsubscribe/${token}`;
    const oneClick = { "content-type": "application/x-www-form-urlencoded", "content-length": "26" } as Record<string, string>;
    expect(isOneClickUnsubscribe({ method: "POST", path, get: (name) => oneClick[name.toLowerCase()] })).toBe(true);

    expect(statusOf(await get(token))).toBe(200);
    expect(await consents(member.id)).toEqual({ bulletin: 0, events: 1 });
    for (let i = 0; i < 3; i++) {
      const result = await unsubscribePage.action(post(token, "List-Unsubscribe=One-Click"));
      expect(result).not.toBeInstanceOf(Response);
      expect(statusOf(result)).toBe(200);
    }
    expect(await consents(member.id)).toEqual({ bulletin: 0, events: 0 });
    // Recorded once, however often the provider repeats it.
    expect((await auditOf(member.id)).map((entry) => JSON.parse(entry.details_json))).toEqual([{ bulletin: false, events: false, via: "one-click unsubscribe" }]);
  });

  it("keeps no link of a copy in the outbox once it is delivered", async () => {
    const sink = new SmtpSink();
    await sink.start();
    const transport = createMailTransport(sink.url);
    try {
      const admin = await createAdmin();
      const webinarId = await addWebinar(database);
      const member = await createMember({ events_opt_in: 1 });
      await register(database, webinarId, member.id, "approved");
      await publishRecording(admin.id, await completeRecording(admin.id, webinarId));
      const token = linkIn(await delivered(member.email, "recording-published"));
      await deliverDueEmails(database, transport);
      const mail = await sink.waitFor((m) => m.to.includes(member.email) && m.text.includes(token));
      expect(mail.text).toContain(token);
      const rows = await database.selectFrom("outbox").selectAll().where("to_address", "=", member.email).where("template", "=", "recording-published").execute();
      expect(rows.map((row) => row.status)).toEqual(["sent"]);
      expect(JSON.stringify(rows)).not.toContain(token);
    } finally {
      transport.close();
      await sink.stop();
    }
  });
});

describe("the page", () => {
  it("shows what it will stop and a button, then says it is done; a bad link says nothing changed", async () => {
    const member = await createMember({ email: "sian.hughes@nhs.net", events_opt_in: 1 });
    const [token] = await newEventEmailTokens(database, [member.id]);
    const path = `/event-emails/unsubscribe/${token}`;
    const opened = await renderPage(unsubscribePage, new Request(`http://localhost${path}`), { path: "/event-emails/unsubscribe/:token" });
    expect(opened.status).toBe(200);
    expect(opened.text).toContain("We will stop emailing si…@nhs.net when new webinars open for registration");
    expect(opened.html).toMatch(/<form method="post"[^>]*>.*name="intent" value="unsubscribe".*Stop these emails/s);

    const pressed = await renderPage(unsubscribePage, new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams({ intent: "unsubscribe" }) }), {
      path: "/event-emails/unsubscribe/:token",
    });
    expect(pressed.text).toContain("You have stopped webinar and event emails");
    expect(await consents(member.id)).toEqual({ bulletin: 0, events: 0 });

    const bad = await renderPage(unsubscribePage, new Request(`http://localhost/event-emails/unsubscribe/${randomToken()}`), { path: "/event-emails/unsubscribe/:token" });
    expect(bad.status).toBe(404);
    expect(bad.text).toContain("Nothing has been changed");
  });
});

describe("a link that is not one", () => {
  it.each([
    ["made up", () => randomToken()],
    ["cut short", () => randomToken().slice(0, 20)],
    ["of another shape", () => "../../account/preferences"],
  ])("(%s) answers 404 on GET and POST and changes nothing", async (_name, makeToken) => {
    const member = await createMember({ events_opt_in: 1 });
    await newEventEmailTokens(database, [member.id]);
    const token = makeToken();
    const page = await get(token);
    expect(statusOf(page)).toBe(404);
    expect(pageOf(page)).toMatchObject({ kind: "invalid" });
    expect(statusOf(await unsubscribePage.action(post(token, "List-Unsubscribe=One-Click")))).toBe(404);
    expect(await consents(member.id)).toEqual({ bulletin: 0, events: 1 });
  });

  it("can do nothing but stop event emails: other bodies are refused, and the bulletin and membership stay as they were", async () => {
    const member = await createMember({ events_opt_in: 1, bulletin_opt_in: 1 });
    const [token] = await newEventEmailTokens(database, [member.id]);
    for (const body of ["", "intent=resubscribe", "List-Unsubscribe=One-Click&intent=resubscribe", "bulletin=on&events=on"]) {
      expect(statusOf(await unsubscribePage.action(post(token!, body))), body).toBe(400);
    }
    expect(await consents(member.id)).toEqual({ bulletin: 1, events: 1 });
    await unsubscribePage.action(post(token!, "List-Unsubscribe=One-Click"));
    expect(await consents(member.id)).toEqual({ bulletin: 1, events: 0 });
    expect((await findUserById(member.id))?.status).toBe("active");
    // Another list's unsubscribe page does not know it.
    const bulletinPage = await import("~/routes/unsubscribe.$token");
    const other = await bulletinPage.loader({ request: new Request(`http://localhost/unsubscribe/${token}`), params: { token }, context: testContext });
    expect(statusOf(other)).toBe(404);
  });
});
