import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { randomToken } from "~/auth/tokens.server";
import { hashLinkToken, maskedAddress } from "~/mail/unsubscribe-links.server";
import { findUserById } from "~/auth/users.server";
import { requestSignIn } from "~/membership/sign-in.server";
import { testClock } from "~/clock.server";
import { leaveNetwork } from "~/privacy/leave.server";
import * as preferences from "~/routes/account.preferences";
import * as unsubscribePage from "~/routes/unsubscribe.$token";
import * as unsubscribeConfirm from "~/routes/unsubscribe.$token_.confirm";
import { unsubscribeTokenFor } from "../support/bulletin";
import { createMember, lastEmailTo, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";

const { database, ip } = setUpDatabaseTests();

const ONE_CLICK = "List-Unsubscribe=One-Click";

/** A POST as a mail provider sends it: no cookie, no Origin, just the body. */
function postTo(token: string, body: string | FormData, type = "application/x-www-form-urlencoded"): ActionFunctionArgs {
  const headers = typeof body === "string" ? { "Content-Type": type } : undefined;
  const request = new Request(`http://localhost/unsubscribe/${token}`, { method: "POST", headers, body });
  return { request, params: { token }, context: testContext };
}

function get(token: string, query = "") {
  return unsubscribePage.loader({ request: new Request(`http://localhost/unsubscribe/${token}${query}`), params: { token }, context: testContext });
}

async function thrown(run: () => Promise<unknown>): Promise<Response> {
  try {
    await run();
  } catch (error) {
    return error as Response;
  }
  throw new Error("expected a thrown response");
}

/** The status a route's `data(…, { status })` answers with. */
const statusOf = (result: unknown) => (result as { init: { status: number } }).init.status;
const pageOf = (result: unknown) => (result as { data: Record<string, unknown> }).data;

async function changes(userId: number) {
  return database.selectFrom("bulletin_subscription_changes").select(["change", "source"]).where("user_id", "=", userId).orderBy("id").execute();
}

async function optedIn(userId: number): Promise<number | undefined> {
  return (await findUserById(userId))?.bulletin_opt_in;
}

it("shows an address shortened to its start and domain", () => {
  expect(maskedAddress("sian.hughes@nhs.net")).toBe("si…@nhs.net");
  expect(maskedAddress("ab@nhs.net")).toBe("a…@nhs.net");
  expect(maskedAddress("a@nhs.net")).toBe("…@nhs.net");
});

describe("the unsubscribe link", () => {
  it("opened (GET) shows a page with one button and changes nothing", async () => {
    const member = await createMember({ bulletin_opt_in: 1 });
    const result = await get(await unsubscribeTokenFor(member.id));
    expect(statusOf(result)).toBe(200);
    expect(pageOf(result)).toMatchObject({ kind: "member", subscribed: true, address: maskedAddress(member.email) });
    // Open to anyone with the link: neither the whole address nor the member's id is on the page.
    expect(JSON.stringify(pageOf(result))).not.toContain(member.email);
    expect(pageOf(result)).not.toHaveProperty("userId");
    expect(await optedIn(member.id)).toBe(1);
    expect(await changes(member.id)).toEqual([]);
  });

  it("POSTed as one click, with no cookie, unsubscribes at once and answers 200 without a redirect, however often it comes", async () => {
    const member = await createMember({ bulletin_opt_in: 1 });
    const token = await unsubscribeTokenFor(member.id);
    for (let i = 0; i < 3; i++) {
      const result = await unsubscribePage.action(postTo(token, ONE_CLICK));
      expect(result).not.toBeInstanceOf(Response);
      expect(statusOf(result)).toBe(200);
    }
    expect(await optedIn(member.id)).toBe(0);
    expect(await changes(member.id)).toEqual([{ change: "unsubscribed", source: "one-click" }]);
    const audit = await database.selectFrom("audit_log").select(["action", "actor_user_id", "details_json"]).where("action", "like", "bulletin.%").execute();
    expect(audit).toEqual([{ action: "bulletin.unsubscribed", actor_user_id: member.id, details_json: JSON.stringify({ source: "one-click" }) }]);
    // The page afterwards says so and offers the way back.
    expect(pageOf(await get(token))).toMatchObject({ kind: "member", subscribed: false });
  });

  it("accepts the one-click body sent as multipart/form-data too", async () => {
    const member = await createMember({ bulletin_opt_in: 1 });
    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    expect(statusOf(await unsubscribePage.action(postTo(await unsubscribeTokenFor(member.id), form)))).toBe(200);
    expect(await optedIn(member.id)).toBe(0);
  });

  it.each([
    ["an empty body", ""],
    ["the page's own form", "intent=unsubscribe"],
    ["a one-click body with more in it", `${ONE_CLICK}&intent=resubscribe`],
    ["another value", "List-Unsubscribe=Yes"],
  ])("POSTed with %s changes nothing (400)", async (_name, body) => {
    const member = await createMember({ bulletin_opt_in: 1 });
    expect(statusOf(await unsubscribePage.action(postTo(await unsubscribeTokenFor(member.id), body)))).toBe(400);
    expect(await optedIn(member.id)).toBe(1);
  });

  describe("that is not a good link", () => {
    const tamper = (token: string) => token.slice(0, -1) + (token.endsWith("a") ? "b" : "a");

    it.each([
      ["altered", (real: string) => tamper(real)],
      ["cut short", (real: string) => real.slice(0, 20)],
      ["in capitals", (real: string) => real.toUpperCase()],
      ["made up in the right shape", () => randomToken()],
      ["the hash stored for it", (_real: string, hash: string) => hash],
      ["in the shape of an id and signature", (_real: string, _hash: string, id: number) => `${id}-0123456789abcdef0123456789abcdef`],
    ])("(%s) gets a friendly page and changes nothing, on GET and on one-click POST", async (_name, makeToken) => {
      const member = await createMember({ bulletin_opt_in: 1 });
      await createMember({ bulletin_opt_in: 1 });
      const real = await unsubscribeTokenFor(member.id);
      const token = makeToken(real, hashLinkToken(real), member.id);
      const page = await get(token);
      expect(statusOf(page)).toBe(404);
      expect(pageOf(page)).toMatchObject({ kind: "invalid" });
      expect(statusOf(await unsubscribePage.action(postTo(token, ONE_CLICK)))).toBe(404);
      const confirm = await thrown(() => unsubscribeConfirm.action(pageRequestFor(token, "unsubscribe")));
      expect(confirm.headers.get("Location")).toBe(`/unsubscribe/${encodeURIComponent(token)}`);
      const everyone = await database.selectFrom("users").select("bulletin_opt_in").execute();
      expect(everyone.every((user) => user.bulletin_opt_in === 1)).toBe(true);
      expect(await database.selectFrom("bulletin_subscription_changes").selectAll().execute()).toEqual([]);
    });

    it("for a member who has left, or been removed, says no email goes to them and changes nothing", async () => {
      const left = await createMember({ bulletin_opt_in: 1 });
      const removed = await createMember({ bulletin_opt_in: 1, status: "removed" });
      // Links from copies sent before they went.
      const tokens = [await unsubscribeTokenFor(left.id), await unsubscribeTokenFor(removed.id)];
      await leaveNetwork(left.id);
      const before = await database.selectFrom("users").selectAll().orderBy("id").execute();
      for (const token of tokens) {
        expect(pageOf(await get(token))).toMatchObject({ kind: "inactive" });
        expect(statusOf(await unsubscribePage.action(postTo(token, ONE_CLICK)))).toBe(200);
        await thrown(() => unsubscribeConfirm.action(pageRequestFor(token, "resubscribe")));
      }
      expect(await database.selectFrom("users").selectAll().orderBy("id").execute()).toEqual(before);
      expect(await database.selectFrom("bulletin_subscription_changes").selectAll().execute()).toEqual([]);
    });
  });
});

function pageRequestFor(token: string, intent: string): ActionFunctionArgs {
  return { request: pageRequest(`/unsubscribe/${token}/confirm`, { form: { intent } }), params: { token }, context: testContext };
}

describe("the unsubscribe page's buttons", () => {
  it("unsubscribe, then undo, each recorded as from the page", async () => {
    const member = await createMember({ bulletin_opt_in: 1 });
    const token = await unsubscribeTokenFor(member.id);
    const done = await thrown(() => unsubscribeConfirm.action(pageRequestFor(token, "unsubscribe")));
    expect(done.headers.get("Location")).toBe(`/unsubscribe/${token}?done=unsubscribed`);
    expect(await optedIn(member.id)).toBe(0);
    expect(pageOf(await get(token, "?done=unsubscribed"))).toMatchObject({ subscribed: false, done: "unsubscribed" });

    const undone = await thrown(() => unsubscribeConfirm.action(pageRequestFor(token, "resubscribe")));
    expect(undone.headers.get("Location")).toBe(`/unsubscribe/${token}?done=resubscribed`);
    expect(await optedIn(member.id)).toBe(1);
    expect(await changes(member.id)).toEqual([
      { change: "unsubscribed", source: "page" },
      { change: "resubscribed", source: "page" },
    ]);
  });

  it("offer the undo only on the copy used, for a day; otherwise the page says to sign in and nothing changes", async () => {
    const member = await createMember({ bulletin_opt_in: 1 });
    const used = await unsubscribeTokenFor(member.id);
    const other = await unsubscribeTokenFor(member.id);
    await thrown(() => unsubscribeConfirm.action(pageRequestFor(used, "unsubscribe")));
    expect(pageOf(await get(used))).toMatchObject({ subscribed: false, canUndo: true });
    expect(pageOf(await get(other))).toMatchObject({ subscribed: false, canUndo: false });
    // Another copy (a forwarded one, say) cannot switch it back on.
    const refused = await thrown(() => unsubscribeConfirm.action(pageRequestFor(other, "resubscribe")));
    expect(refused.headers.get("Location")).toBe(`/unsubscribe/${other}`);
    expect(await optedIn(member.id)).toBe(0);

    testClock.advance(24 * 60 * 60 * 1000);
    expect(pageOf(await get(used))).toMatchObject({ subscribed: false, canUndo: false });
    await thrown(() => unsubscribeConfirm.action(pageRequestFor(used, "resubscribe")));
    expect(await optedIn(member.id)).toBe(0);
    expect(await changes(member.id)).toEqual([{ change: "unsubscribed", source: "page" }]);
  });

  it("offer no undo to a member who unsubscribed in their email preferences", async () => {
    const member = await createMember({ bulletin_opt_in: 1, events_opt_in: 1 });
    const token = await unsubscribeTokenFor(member.id);
    const cookie = await sessionCookieFor(member.id);
    await thrown(() => preferences.action({ request: pageRequest("/account/preferences", { cookie, form: { events: "on" } }), params: {}, context: testContext }));
    expect(pageOf(await get(token))).toMatchObject({ subscribed: false, canUndo: false });
    await thrown(() => unsubscribeConfirm.action(pageRequestFor(token, "resubscribe")));
    expect(await optedIn(member.id)).toBe(0);
  });

  it("never change anything on GET", async () => {
    const member = await createMember({ bulletin_opt_in: 1 });
    const token = await unsubscribeTokenFor(member.id);
    const result = await thrown(async () => unsubscribeConfirm.loader({ request: pageRequest(`/unsubscribe/${token}/confirm`), params: { token }, context: testContext }));
    expect(result.headers.get("Location")).toBe(`/unsubscribe/${token}`);
    expect(await optedIn(member.id)).toBe(1);
  });
});

describe("the bulletin choice in email preferences", () => {
  it("records unsubscribing and subscribing again as from the preferences, and nothing when it stays the same", async () => {
    const member = await createMember({ bulletin_opt_in: 1, events_opt_in: 1 });
    const cookie = await sessionCookieFor(member.id);
    const save = (form: Record<string, string>) =>
      thrown(() => preferences.action({ request: pageRequest("/account/preferences", { cookie, form }), params: {}, context: testContext }));
    await save({ events: "on" });
    await save({ events: "on" });
    await save({ bulletin: "on" });
    await save({ bulletin: "on", events: "on" });
    expect(await changes(member.id)).toEqual([
      { change: "unsubscribed", source: "preferences" },
      { change: "resubscribed", source: "preferences" },
    ]);
  });
});

it("unsubscribing stops the bulletin only: a sign-in code still arrives", async () => {
  const member = await createMember({ bulletin_opt_in: 1 });
  await unsubscribePage.action(postTo(await unsubscribeTokenFor(member.id), ONE_CLICK));
  expect(await optedIn(member.id)).toBe(0);
  expect((await requestSignIn({ email: member.email, ip })).ok).toBe(true);
  expect((await lastEmailTo(database, member.email))?.template).toBe("sign-in-code");
});
