import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { testClock } from "~/clock.server";
import * as staffCancel from "~/routes/admin.webinars.$id.cancel";
import * as staffEdit from "~/routes/admin.webinars.$id.edit";
import * as staffWebinar from "~/routes/admin.webinars.$id._index";
import * as staffCsv from "~/routes/admin.webinars.$id.registrations[.csv]";
import * as staffList from "~/routes/admin.webinars._index";
import * as staffNew from "~/routes/admin.webinars.new";
import * as staffSeries from "~/routes/admin.webinars.series.$id";
import * as joiningPage from "~/routes/j.$token";
import * as cancelPage from "~/routes/webinars.$id.cancel";
import * as calendar from "~/routes/webinars.$id.calendar[.ics]";
import * as registerPage from "~/routes/webinars.$id.register";
import * as webinarPage from "~/routes/webinars.$id._index";
import * as list from "~/routes/webinars._index";
import * as past from "~/routes/webinars.past";
import { sendDueJoiningLinks } from "~/webinars/send-joining-links.server";
import { createAdmin, createMember, outcome, pageData, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";
import { approvedMember, joiningTokenFor, newSeries, newWebinar, registeredMember, validWebinarForm } from "../support/webinars";

/**
 * Every webinar loader and action checks access on the server: as a visitor, as a joiner whose
 * membership is still waiting for approval (their session does not count), as a member and as staff.
 */
const { database } = setUpDatabaseTests();

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;
type Persona = "visitor" | "pending joiner" | "member" | "admin";

/** 200 for data, else the Response's status (a thrown or returned redirect, 403, 404 …). */
function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  const init = (result as { init?: { status?: number } } | null)?.init;
  return init?.status ?? 200;
}

async function setUp() {
  testClock.freeze("2027-03-31T09:00:00Z");
  const admin = await createAdmin();
  const webinarId = await newWebinar(admin.id, { capacity: 5 });
  const seriesId = await newSeries(admin.id, { date: "2027-04-14", title: "Fortnightly webinar" });
  const member = await createMember();
  const pending = await createMember({ status: "pending" });
  const registrant = await registeredMember(webinarId);
  const cookies: Record<Persona, string | undefined> = {
    visitor: undefined,
    "pending joiner": await sessionCookieFor(pending.id),
    member: await sessionCookieFor(member.id),
    admin: await sessionCookieFor(admin.id),
  };
  return { webinarId, seriesId, registrationId: registrant.registrationId, cookies };
}

type Ids = Awaited<ReturnType<typeof setUp>>;

async function snapshot() {
  return {
    webinars: await database.selectFrom("webinars").selectAll().orderBy("id").execute(),
    series: await database.selectFrom("webinar_series").selectAll().execute(),
    registrations: await database.selectFrom("webinar_registrations").selectAll().orderBy("id").execute(),
    joins: await database.selectFrom("webinar_joins").selectAll().execute(),
    audit: await database.selectFrom("audit_log").select("id").execute(),
    outbox: await database.selectFrom("outbox").select("id").execute(),
  };
}

interface RouteCase {
  path: (ids: Ids) => string;
  /** For a resource route (no page of its own): the staff page that refusals and missing ids are sent to, for its 403 or 404. */
  page?: (ids: Ids) => string;
  params: (ids: Ids) => Record<string, string>;
  loader?: Loader;
  action?: Action;
  form?: (ids: Ids) => Record<string, string | string[]>;
}

const STAFF_ROUTES: Record<string, RouteCase> = {
  "/admin/webinars": { path: () => "/admin/webinars", params: () => ({}), loader: staffList.loader },
  "/admin/webinars/new": {
    path: () => "/admin/webinars/new",
    params: () => ({}),
    loader: staffNew.loader,
    action: staffNew.action,
    form: () => ({ kind: "single", ...validWebinarForm }),
  },
  "/admin/webinars/:id": {
    path: ({ webinarId }) => `/admin/webinars/${webinarId}`,
    params: ({ webinarId }) => ({ id: String(webinarId) }),
    loader: staffWebinar.loader,
    action: staffWebinar.action,
    form: ({ registrationId }) => ({ intent: "approve", registration: [String(registrationId)] }),
  },
  "/admin/webinars/:id/edit": {
    path: ({ webinarId }) => `/admin/webinars/${webinarId}/edit`,
    params: ({ webinarId }) => ({ id: String(webinarId) }),
    loader: staffEdit.loader,
    action: staffEdit.action,
    form: () => validWebinarForm,
  },
  "/admin/webinars/:id/cancel": {
    path: ({ webinarId }) => `/admin/webinars/${webinarId}/cancel`,
    params: ({ webinarId }) => ({ id: String(webinarId) }),
    loader: staffCancel.loader,
    action: staffCancel.action,
    form: () => ({ reason: "The speaker is unwell." }),
  },
  "/admin/webinars/:id/registrations.csv": {
    path: ({ webinarId }) => `/admin/webinars/${webinarId}/registrations.csv`,
    page: ({ webinarId }) => `/admin/webinars/${webinarId}`,
    params: ({ webinarId }) => ({ id: String(webinarId) }),
    loader: staffCsv.loader,
  },
  "/admin/webinars/series/:id": {
    path: ({ seriesId }) => `/admin/webinars/series/${seriesId}`,
    params: ({ seriesId }) => ({ id: String(seriesId) }),
    loader: staffSeries.loader,
    action: staffSeries.action,
    form: () => ({ intent: "stop" }),
  },
};

describe.each(Object.entries(STAFF_ROUTES))("staff route %s", (_name, route) => {
  it("loader and action: visitors and pending joiners go to sign in, members get 403 and change nothing, staff get through", async () => {
    const ids = await setUp();
    const path = route.path(ids);
    const before = await snapshot();
    for (const persona of ["visitor", "pending joiner", "member"] as const) {
      const request = () => pageRequest(path, { cookie: ids.cookies[persona] });
      const post = () => pageRequest(path, { cookie: ids.cookies[persona], form: route.form?.(ids) ?? {} });
      const loaded = await outcome(() => route.loader!({ request: request(), params: route.params(ids), context: testContext }));
      const acted = route.action ? await outcome(() => route.action!({ request: post(), params: route.params(ids), context: testContext })) : undefined;
      if (persona === "member" && route.page) {
        expect((loaded as Response).headers.get("Location"), `${persona} loader`).toBe(route.page(ids));
      } else if (persona === "member") {
        expect(statusOf(loaded), `${persona} loader`).toBe(403);
        if (route.action) expect(statusOf(acted), `${persona} action`).toBe(403);
      } else {
        expect((loaded as Response).headers.get("Location"), `${persona} loader`).toBe(`/sign-in?${new URLSearchParams({ redirectTo: path })}`);
        if (route.action) expect((acted as Response).headers.get("Location"), `${persona} action`).toMatch(/^\/sign-in\?redirectTo=/);
      }
    }
    expect(await snapshot()).toEqual(before);

    const asAdmin = await outcome(() => route.loader!({ request: pageRequest(path, { cookie: ids.cookies.admin }), params: route.params(ids), context: testContext }));
    expect(statusOf(asAdmin)).toBe(200);
    if (route.action) {
      const auditBefore = (await snapshot()).audit.length;
      const acted = await outcome(() =>
        route.action!({ request: pageRequest(path, { cookie: ids.cookies.admin, form: route.form?.(ids) ?? {} }), params: route.params(ids), context: testContext }),
      );
      expect(statusOf(acted)).toBe(302);
      expect((await snapshot()).audit.length).toBeGreaterThan(auditBefore);
    }
  });

  it("answers 404 for a webinar or series that does not exist", async () => {
    const ids = await setUp();
    if (!route.path(ids).match(/\d/)) return;
    const missing = { ...ids, webinarId: 999_999, seriesId: 999_999 };
    const loaded = await outcome(() => route.loader!({ request: pageRequest(route.path(missing), { cookie: ids.cookies.admin }), params: route.params(missing), context: testContext }));
    if (route.page) expect((loaded as Response).headers.get("Location")).toBe(route.page(missing));
    else expect(statusOf(loaded)).toBe(404);
  });
});

describe("member routes", () => {
  it("registering and cancelling send visitors and pending joiners to sign in and back, and change nothing", async () => {
    const ids = await setUp();
    const before = await snapshot();
    const routes = [
      { path: `/webinars/${ids.webinarId}/register`, module: registerPage },
      { path: `/webinars/${ids.webinarId}/cancel`, module: cancelPage },
      { path: `/webinars/${ids.webinarId}`, module: webinarPage, form: { intent: "resend" } },
    ];
    for (const persona of ["visitor", "pending joiner"] as const) {
      for (const route of routes) {
        const params = { id: String(ids.webinarId) };
        if (route.module !== webinarPage) {
          const loaded = await outcome(() => route.module.loader({ request: pageRequest(route.path, { cookie: ids.cookies[persona] }), params, context: testContext }));
          expect((loaded as Response).headers.get("Location"), `${persona} ${route.path}`).toBe(`/sign-in?${new URLSearchParams({ redirectTo: route.path })}`);
        }
        const acted = await outcome(() =>
          route.module.action({ request: pageRequest(route.path, { cookie: ids.cookies[persona], form: route.form ?? {} }), params, context: testContext }),
        );
        expect((acted as Response).headers.get("Location"), `${persona} POST ${route.path}`).toMatch(/^\/sign-in\?redirectTo=/);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lets a member register with one click and cancel their own registration only", async () => {
    const ids = await setUp();
    const params = { id: String(ids.webinarId) };
    const cookie = ids.cookies.member;
    expect(statusOf(await registerPage.loader({ request: pageRequest(`/webinars/${ids.webinarId}/register`, { cookie }), params, context: testContext }))).toBe(200);
    // Cancelling before registering just goes back to the webinar.
    const notYet = await outcome(() => cancelPage.loader({ request: pageRequest(`/webinars/${ids.webinarId}/cancel`, { cookie }), params, context: testContext }));
    expect((notYet as Response).headers.get("Location")).toBe(`/webinars/${ids.webinarId}`);
    const registered = await outcome(() => registerPage.action({ request: pageRequest(`/webinars/${ids.webinarId}/register`, { cookie, form: {} }), params, context: testContext }));
    expect((registered as Response).headers.get("Location")).toBe(`/webinars/${ids.webinarId}`);
    const registrations = await database.selectFrom("webinar_registrations").select(["id", "status"]).orderBy("id").execute();
    expect(registrations.map((row) => row.status)).toEqual(["pending", "pending"]);
    const cancelled = await outcome(() => cancelPage.action({ request: pageRequest(`/webinars/${ids.webinarId}/cancel`, { cookie, form: {} }), params, context: testContext }));
    expect((cancelled as Response).headers.get("Location")).toBe(`/webinars/${ids.webinarId}`);
    // The other member's registration is untouched.
    expect((await database.selectFrom("webinar_registrations").select("status").orderBy("id").execute()).map((row) => row.status)).toEqual(["pending", "cancelled"]);
  });

  it("lets only a member with a place join from the webinar page, and only in the window", async () => {
    const ids = await setUp();
    const params = { id: String(ids.webinarId) };
    const admin = await database.selectFrom("role_grants").select("user_id").executeTakeFirstOrThrow();
    const { member } = await approvedMember(ids.webinarId, admin.user_id);
    const withPlace = await sessionCookieFor(member.id);
    const join = (cookie: string | undefined) =>
      outcome(() => webinarPage.action({ request: pageRequest(`/webinars/${ids.webinarId}`, { cookie, form: { intent: "join" } }), params, context: testContext }));
    testClock.freeze("2027-04-07T11:40:00Z");
    expect(statusOf(await join(ids.cookies.member))).toBe(404);
    const joined = (await join(withPlace)) as { data: { joined: { meetingUrl: string } }; init: { headers: Headers } };
    expect(joined.data.joined.meetingUrl).toBe("https://meet.example.org/spn-test-webinar");
    expect(new Headers(joined.init.headers).get("Refresh")).toBe("0; url=https://meet.example.org/spn-test-webinar");
    expect(new Headers(joined.init.headers).get("Set-Cookie")).toMatch(/^spn_browser=[a-z2-7]{26}; Path=\/; HttpOnly; SameSite=Lax/);
    testClock.freeze("2027-04-07T13:00:00Z");
    expect(statusOf(await join(withPlace))).toBe(409);
  });
});

describe("public routes", () => {
  it.each(["visitor", "pending joiner", "member", "admin"] as const)("show the lists, the webinar page and the calendar file to a %s", async (persona) => {
    const ids = await setUp();
    const cookie = ids.cookies[persona];
    const params = { id: String(ids.webinarId) };
    expect(statusOf(await list.loader({ request: pageRequest("/webinars", { cookie }), params: {}, context: testContext }))).toBe(200);
    expect(statusOf(await past.loader({ request: pageRequest("/webinars/past", { cookie }), params: {}, context: testContext }))).toBe(200);
    const page = pageData<{ signedIn: boolean }>(await webinarPage.loader({ request: pageRequest(`/webinars/${ids.webinarId}`, { cookie }), params, context: testContext }));
    expect(page.signedIn).toBe(persona === "member" || persona === "admin");
    expect(statusOf(await calendar.loader({ request: pageRequest(`/webinars/${ids.webinarId}/calendar.ics`, { cookie }), params, context: testContext }))).toBe(200);
    for (const bad of ["999999", "abc", "0"]) {
      expect(statusOf(await outcome(() => webinarPage.loader({ request: pageRequest(`/webinars/${bad}`, { cookie }), params: { id: bad }, context: testContext })))).toBe(404);
    }
  });

  it("opens the personal joining page for whoever holds the link, recording nothing; an unknown link is 404", async () => {
    const ids = await setUp();
    const admin = await database.selectFrom("role_grants").select("user_id").executeTakeFirstOrThrow();
    const { member } = await approvedMember(ids.webinarId, admin.user_id);
    testClock.freeze("2027-04-07T09:00:00Z");
    await sendDueJoiningLinks(ids.webinarId);
    const token = await joiningTokenFor(member.email);
    testClock.freeze("2027-04-07T11:40:00Z");
    const before = await snapshot();
    for (const persona of ["visitor", "pending joiner", "member", "admin"] as const) {
      const page = await joiningPage.loader({ request: pageRequest(`/j/${token}`, { cookie: ids.cookies[persona] }), params: { token }, context: testContext });
      expect(statusOf(page)).toBe(200);
    }
    expect(await snapshot()).toEqual(before);
    const unknown = await joiningPage.loader({ request: pageRequest("/j/nope"), params: { token: "nope" }, context: testContext });
    expect(statusOf(unknown)).toBe(404);
    expect(statusOf(await outcome(() => joiningPage.action({ request: pageRequest("/j/nope", { form: {} }), params: { token: "nope" }, context: testContext })))).toBe(404);
    const joined = await joiningPage.action({ request: pageRequest(`/j/${token}`, { form: {} }), params: { token }, context: testContext });
    expect((joined as { data: { joined: { meetingUrl: string } } }).data.joined.meetingUrl).toBe("https://meet.example.org/spn-test-webinar");
    expect(await database.selectFrom("webinar_joins").select("id").execute()).toHaveLength(1);
  });
});
