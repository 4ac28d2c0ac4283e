import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { testClock } from "~/clock.server";
import { addDomainOverride } from "~/membership/domain-overrides.server";
import { readFlash, redirectWithFlash } from "~/lib/flash.server";
import * as domains from "~/routes/admin.domains";
import * as removeDomain from "~/routes/admin.domains_.$domain.remove";
import * as member from "~/routes/admin.members.$id._index";
import * as decline from "~/routes/admin.members.$id.decline";
import * as staffWebinarCancel from "~/routes/admin.webinars.$id.cancel";
import * as staffWebinar from "~/routes/admin.webinars.$id._index";
import * as staffSeries from "~/routes/admin.webinars.series.$id";
import * as staffWorkspace from "~/routes/admin.workspaces.$id";
import * as webinarCancel from "~/routes/webinars.$id.cancel";
import * as webinarRegister from "~/routes/webinars.$id.register";
import * as webinarPage from "~/routes/webinars.$id._index";
import * as moderation from "~/routes/workspaces.$slug.moderation";
import { createWorkspace } from "~/workspaces/admin.server";
import { createAdmin, createMember, pageData, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";
import { newSeries, newWebinar, registeredMember } from "../support/webinars";

setUpDatabaseTests();

const args = (request: Request, params: Record<string, string> = {}): LoaderFunctionArgs & ActionFunctionArgs => ({ request, params, context: testContext });

async function thrown(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
  } catch (response) {
    if (response instanceof Response) return response;
    throw response;
  }
  throw new Error("expected a response");
}

/** The cookie a browser would send back after `response` set it (name=value only). */
function cookieFrom(response: Response): string {
  const setCookie = response.headers.get("Set-Cookie") ?? "";
  return setCookie.split(";")[0] ?? "";
}

describe("the flash helper", () => {
  it("carries a message to one page once, in a signed, HttpOnly, SameSite=Lax cookie", () => {
    const response = redirectWithFlash("/admin/domains", "Rule removed for example.org.uk.");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/domains");
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);

    const first = readFlash(pageRequest("/admin/domains", { cookie: cookieFrom(response) }));
    expect(first.message).toBe("Rule removed for example.org.uk.");
    // Read once: the answer clears it.
    expect(new Headers(first.headers).get("Set-Cookie")).toMatch(/Max-Age=0/);
    // Another page leaves it for the page it was meant for.
    const elsewhere = readFlash(pageRequest("/account", { cookie: cookieFrom(response) }));
    expect(elsewhere.message).toBeNull();
    expect(new Headers(elsewhere.headers).get("Set-Cookie")).toBeNull();
  });

  it("ignores (and clears) a cookie that was not signed by the portal", () => {
    const genuine = cookieFrom(redirectWithFlash("/admin/domains", "Rule removed for example.org.uk."));
    const [name, value] = genuine.split("=") as [string, string];
    const [payload, signature] = value.split(".") as [string, string];
    const forgedPayload = Buffer.from(JSON.stringify({ path: "/admin/domains", message: "Rule removed for nhs.net and all other rules." })).toString("base64url");
    for (const forged of [`${name}=${forgedPayload}.${signature}`, `${name}=${payload}x.${signature}`, `${name}=${payload}`, `${name}=junk`]) {
      const flash = readFlash(pageRequest("/admin/domains", { cookie: forged }));
      expect(flash.message).toBeNull();
      expect(new Headers(flash.headers).get("Set-Cookie")).toMatch(/Max-Age=0/);
    }
  });
});

describe("outcome banners cannot be forged by a link", () => {
  it("/admin/domains?removed=… and ?added=… show nothing", async () => {
    const admin = await createAdmin();
    const cookie = await sessionCookieFor(admin.id);
    for (const query of ["removed=nhs.net%20and%20all%20other%20rules", "added=gmail.com"]) {
      const page = pageData<{ banner: string | null }>(await domains.loader(args(pageRequest(`/admin/domains?${query}`, { cookie }))));
      expect(page.banner).toBeNull();
    }
  });

  it("/admin/members/<id>?done=removed shows nothing for an active admin", async () => {
    const admin = await createAdmin();
    const cookie = await sessionCookieFor(admin.id);
    const page = pageData<{
      banner: string | null;
    }>(await member.loader(args(pageRequest(`/admin/members/${admin.id}?done=removed`, { cookie }), { id: String(admin.id) })));
    expect(page.banner).toBeNull();
  });

  it("removing a rule shows its banner once, from the flash", async () => {
    const admin = await createAdmin();
    const session = await sessionCookieFor(admin.id);
    await addDomainOverride(admin.id, { domain: "riverbend-care.org.uk", policy: "refuse" });
    const response = await thrown(() =>
      removeDomain.action(args(pageRequest("/admin/domains/riverbend-care.org.uk/remove", { cookie: session, form: {} }), { domain: "riverbend-care.org.uk" })),
    );
    expect(response.headers.get("Location")).toBe("/admin/domains");
    const cookie = `${session}; ${cookieFrom(response)}`;
    const shown = pageData<{ banner: string | null }>(await domains.loader(args(pageRequest("/admin/domains", { cookie }))));
    expect(shown.banner).toBe("Rule removed for riverbend-care.org.uk.");
  });

  it("declining a joiner shows its banner on the joiner's page from the flash", async () => {
    const admin = await createAdmin();
    const session = await sessionCookieFor(admin.id);
    const joiner = await createMember({ status: "pending", email: "joiner@ageuk.org.uk" });
    const params = { id: String(joiner.id) };
    const response = await thrown(() =>
      decline.action(args(pageRequest(`/admin/members/${joiner.id}/decline`, { cookie: session, form: { reason: "Not eligible" } }), params)),
    );
    expect(response.headers.get("Location")).toBe(`/admin/members/${joiner.id}`);
    const cookie = `${session}; ${cookieFrom(response)}`;
    const page = pageData<{ banner: string | null }>(await member.loader(args(pageRequest(`/admin/members/${joiner.id}`, { cookie }), params)));
    expect(page.banner).toBe("Declined. We have emailed them the reason.");
  });

  it("workspace pages: ?done=… shows nothing, and an action's outcome comes from the flash", async () => {
    const admin = await createAdmin();
    const session = await sessionCookieFor(admin.id);
    const lead = await createMember({ email: "lead@nhs.net" });
    const created = await createWorkspace(admin.id, { slug: "north-east", name: "North East", description: "Link workers in the North East.", kind: "regional", visibility: "open" });
    if (!created.ok) throw new Error(created.error);
    const params = { id: String(created.id) };

    const forged = pageData<{ banner: string | null }>(await staffWorkspace.loader(args(pageRequest(`/admin/workspaces/${created.id}?done=created`, { cookie: session }), params)));
    expect(forged.banner).toBeNull();
    const forgedModeration = pageData<{ banner: string | null }>(
      await moderation.loader(args(pageRequest("/workspaces/north-east/moderation?done=removed", { cookie: session }), { slug: "north-east" })),
    );
    expect(forgedModeration.banner).toBeNull();

    const form = { intent: "appoint", email: lead.email };
    const response = await thrown(() => staffWorkspace.action(args(pageRequest(`/admin/workspaces/${created.id}`, { cookie: session, form }), params)));
    expect(response.headers.get("Location")).toBe(`/admin/workspaces/${created.id}`);
    const cookie = `${session}; ${cookieFrom(response)}`;
    const shown = pageData<{ banner: string | null }>(await staffWorkspace.loader(args(pageRequest(`/admin/workspaces/${created.id}`, { cookie }), params)));
    expect(shown.banner).toBe("Lead appointed. They can now moderate this workspace.");
  });
});

describe("webinar banners cannot be forged by a link", () => {
  type Banner = { banner: string | null };

  async function setUp() {
    testClock.freeze("2027-03-31T09:00:00Z");
    const admin = await createAdmin();
    const webinarId = await newWebinar(admin.id, { capacity: 1 });
    const seriesId = await newSeries(admin.id, { date: "2027-04-14", title: "Fortnightly webinar" });
    return { admin, staff: await sessionCookieFor(admin.id), webinarId, seriesId };
  }

  it("?done=… on the webinar, staff webinar and series pages shows nothing", async () => {
    const { staff, webinarId, seriesId } = await setUp();
    const member = await sessionCookieFor((await createMember()).id);
    const params = { id: String(webinarId) };
    for (const cookie of [undefined, member]) {
      for (const done of ["registered", "cancelled", "resent"]) {
        const page = pageData<Banner>(await webinarPage.loader(args(pageRequest(`/webinars/${webinarId}?done=${done}`, { cookie }), params)));
        expect(page.banner, done).toBeNull();
      }
    }
    for (const query of ["done=created", "done=updated", "done=cancelled", "done=decided&approved=300&declined=2"]) {
      const page = pageData<Banner>(await staffWebinar.loader(args(pageRequest(`/admin/webinars/${webinarId}?${query}`, { cookie: staff }), params)));
      expect(page.banner, query).toBeNull();
    }
    for (const done of ["created", "updated", "stopped"]) {
      const page = pageData<Banner>(
        await staffSeries.loader(args(pageRequest(`/admin/webinars/series/${seriesId}?done=${done}`, { cookie: staff }), { id: String(seriesId) })),
      );
      expect(page.banner, done).toBeNull();
    }
  });

  it("registering and cancelling show their banners once, from the flash", async () => {
    const { webinarId } = await setUp();
    const session = await sessionCookieFor((await createMember()).id);
    const params = { id: String(webinarId) };
    const load = async (cookie: string) => {
      const result = await webinarPage.loader(args(pageRequest(`/webinars/${webinarId}`, { cookie }), params));
      return { banner: pageData<Banner>(result).banner, setCookie: new Headers((result as { init?: { headers?: HeadersInit } }).init?.headers).get("Set-Cookie") };
    };

    const registered = await thrown(() => webinarRegister.action(args(pageRequest(`/webinars/${webinarId}/register`, { cookie: session, form: {} }), params)));
    expect(registered.headers.get("Location")).toBe(`/webinars/${webinarId}`);
    const shown = await load(`${session}; ${cookieFrom(registered)}`);
    expect(shown.banner).toMatch(/^You have registered\. We have emailed you to confirm it\./);
    // The page clears the flash as it shows it, so the next visit shows nothing.
    expect(shown.setCookie).toMatch(/Max-Age=0/);
    expect((await load(session)).banner).toBeNull();

    const cancelled = await thrown(() => webinarCancel.action(args(pageRequest(`/webinars/${webinarId}/cancel`, { cookie: session, form: {} }), params)));
    expect(cancelled.headers.get("Location")).toBe(`/webinars/${webinarId}`);
    expect((await load(`${session}; ${cookieFrom(cancelled)}`)).banner).toBe("Your registration is cancelled. We have emailed you to confirm it.");
  });

  it("a staff decision's banner gives its counts from the flash and keeps the status filter", async () => {
    const { staff, webinarId } = await setUp();
    const params = { id: String(webinarId) };
    const first = await registeredMember(webinarId);
    const second = await registeredMember(webinarId);
    const form = { intent: "approve", registration: [String(first.registrationId), String(second.registrationId)] };
    const response = await thrown(() => staffWebinar.action(args(pageRequest(`/admin/webinars/${webinarId}?status=pending`, { cookie: staff, form }), params)));
    expect(response.headers.get("Location")).toBe(`/admin/webinars/${webinarId}?status=pending`);
    const page = pageData<Banner>(
      await staffWebinar.loader(args(pageRequest(`/admin/webinars/${webinarId}?status=pending`, { cookie: `${staff}; ${cookieFrom(response)}` }), params)),
    );
    expect(page.banner).toBe("1 person given a place; 1 person put on the waiting list because the webinar is full. Everyone affected has been emailed.");
  });

  it("cancelling a webinar and stopping a series show their banners from the flash", async () => {
    const { staff, webinarId, seriesId } = await setUp();
    const params = { id: String(webinarId) };
    const cancelled = await thrown(() =>
      staffWebinarCancel.action(args(pageRequest(`/admin/webinars/${webinarId}/cancel`, { cookie: staff, form: { reason: "The speaker is unwell; we will hold it next month." } }), params)),
    );
    expect(cancelled.headers.get("Location")).toBe(`/admin/webinars/${webinarId}`);
    const webinar = pageData<Banner>(await staffWebinar.loader(args(pageRequest(`/admin/webinars/${webinarId}`, { cookie: `${staff}; ${cookieFrom(cancelled)}` }), params)));
    expect(webinar.banner).toBe("The webinar is cancelled. Everyone registered has been emailed.");

    const seriesParams = { id: String(seriesId) };
    const stopped = await thrown(() => staffSeries.action(args(pageRequest(`/admin/webinars/series/${seriesId}`, { cookie: staff, form: { intent: "stop" } }), seriesParams)));
    expect(stopped.headers.get("Location")).toBe(`/admin/webinars/series/${seriesId}`);
    const series = pageData<Banner>(await staffSeries.loader(args(pageRequest(`/admin/webinars/series/${seriesId}`, { cookie: `${staff}; ${cookieFrom(stopped)}` }), seriesParams)));
    expect(series.banner).toBe("The series is stopped. No more webinars will be added; the ones listed stay unless you cancel them.");
  });
});
