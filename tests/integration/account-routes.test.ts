import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "~/db.server";
import { findUserById } from "~/auth/users.server";
import * as account from "~/routes/account._index";
import * as leave from "~/routes/account.leave";
import * as myData from "~/routes/account.my-data";
import * as preferences from "~/routes/account.preferences";
import * as profile from "~/routes/account.profile";
import * as signOutEverywhere from "~/routes/account.sign-out-everywhere";
import { clearDatabase, testDatabase } from "../support/database";
import { createMember, outcome, pageData, pageRequest, sessionCookieFor, testContext } from "../support/fixtures";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(() => clearDatabase(database));

const args = (request: Request): LoaderFunctionArgs => ({ request, params: {}, context: testContext });

describe("account pages are for signed-in members", () => {
  it.each([
    ["/account", account.loader],
    ["/account/profile", profile.loader],
    ["/account/preferences", preferences.loader],
    ["/account/my-data", myData.loader],
    ["/account/leave", leave.loader],
  ])("GET %s sends a visitor to sign in and back", async (path, loader) => {
    const result = (await outcome(() => loader(args(pageRequest(path))))) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/sign-in?${new URLSearchParams({ redirectTo: path })}`);
  });

  it.each([
    ["/account/profile", profile.action],
    ["/account/preferences", preferences.action],
    ["/account/sign-out-everywhere", signOutEverywhere.action],
    ["/account/leave", leave.action],
  ])("POST %s from a visitor changes nothing and redirects to sign in", async (path, action) => {
    const member = await createMember();
    const result = (await outcome(() => action(args(pageRequest(path, { form: { fullName: "X" } }))))) as Response;
    expect(result.status).toBe(302);
    expect(await findUserById(member.id)).toEqual(member);
  });
});

describe("account actions", () => {
  it("a bad profile comes back as field errors with what was typed, not a 500", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const result = (await profile.action(args(pageRequest("/account/profile", { cookie, form: { fullName: "", organisation: "Somewhere" } })))) as {
      status: string;
      error: Record<string, string[]>;
      initialValue: Record<string, unknown>;
    };
    expect(result.status).toBe("error");
    expect(result.error.fullName).toEqual(["Enter your full name"]);
    expect(result.initialValue.organisation).toBe("Somewhere");
    expect(await findUserById(member.id)).toEqual(member);
  });

  it("a good profile is saved and the member returns to /account with a banner", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const form = { fullName: "Siân Hughes", organisation: "Tamar Valley PCN", jobRole: "lead-or-manager", region: "south-west" };
    const result = (await outcome(() => profile.action(args(pageRequest("/account/profile", { cookie, form }))))) as Response;
    expect(result.headers.get("Location")).toBe("/account");
    expect(await findUserById(member.id)).toMatchObject({ full_name: "Siân Hughes", job_role: "lead-or-manager", region: "south-west" });
    const flash = (result.headers.get("Set-Cookie") ?? "").split(";")[0];
    const page = pageData<{ banner: string | null }>(await account.loader(args(pageRequest("/account", { cookie: `${cookie}; ${flash}` }))));
    expect(page.banner).toBe("Your details have been updated.");
    // The banner is the flash's, not the address's.
    const forged = pageData<{ banner: string | null }>(await account.loader(args(pageRequest("/account?updated=profile", { cookie }))));
    expect(forged.banner).toBeNull();
  });

  it("download my data is an attachment holding the member's details", async () => {
    const member = await createMember({ full_name: "Tom Okafor" });
    const cookie = await sessionCookieFor(member.id);
    const response = await myData.loader(args(pageRequest("/account/my-data", { cookie })));
    expect(response.headers.get("Content-Type")).toContain("application/json");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="social-prescribing-network-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect((await response.json()).profile.fullName).toBe("Tom Okafor");
  });

  it("sign out of all devices ends every session and clears this browser's cookie", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    await sessionCookieFor(member.id);
    const result = (await outcome(() => signOutEverywhere.action(args(pageRequest("/account/sign-out-everywhere", { cookie, form: {} }))))) as Response;
    expect(result.headers.get("Location")).toBe("/account/signed-out");
    expect(result.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await database.selectFrom("sessions").selectAll().execute()).toEqual([]);
  });
});
