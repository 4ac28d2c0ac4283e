import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "~/db.server";
import * as adminIndex from "~/routes/admin._index";
import * as audit from "~/routes/admin.audit";
import * as domains from "~/routes/admin.domains";
import * as removeDomain from "~/routes/admin.domains_.$domain.remove";
import { addDomainOverride } from "~/membership/domain-overrides.server";
import * as members from "~/routes/admin.members._index";
import * as member from "~/routes/admin.members.$id._index";
import * as decline from "~/routes/admin.members.$id.decline";
import * as remove from "~/routes/admin.members.$id.remove";
import { clearDatabase, testDatabase } from "../support/database";
import { createAdmin, createMember, outcome, pageRequest, sessionCookieFor, testContext } from "../support/fixtures";

/**
 * Every staff route checks access on the server in its loader and its action: members get 403
 * and change nothing, visitors are sent to sign in and come back.
 */
let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(() => clearDatabase(database));

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

interface StaffRoute {
  path: (ids: { pending: number; active: number }) => string;
  params: (ids: { pending: number; active: number }) => Record<string, string>;
  loader: Loader;
  action?: Action;
  form?: Record<string, string>;
}

const RULE_DOMAIN = "northfold-connect.org.uk";

const ROUTES: Record<string, StaffRoute> = {
  "/admin/members": { path: () => "/admin/members?status=pending", params: () => ({}), loader: members.loader },
  "/admin/members/:id": {
    path: ({ pending }) => `/admin/members/${pending}`,
    params: ({ pending }) => ({ id: String(pending) }),
    loader: member.loader,
    action: member.action,
    form: { intent: "approve" },
  },
  "/admin/members/:id/decline": {
    path: ({ pending }) => `/admin/members/${pending}/decline`,
    params: ({ pending }) => ({ id: String(pending) }),
    loader: decline.loader,
    action: decline.action,
    form: { reason: "Not eligible" },
  },
  "/admin/members/:id/remove": {
    path: ({ active }) => `/admin/members/${active}/remove`,
    params: ({ active }) => ({ id: String(active) }),
    loader: remove.loader,
    action: remove.action,
    form: { reason: "Spam" },
  },
  "/admin/domains": {
    path: () => "/admin/domains",
    params: () => ({}),
    loader: domains.loader,
    action: domains.action,
    form: { domain: "evil.example", policy: "allow" },
  },
  "/admin/domains/:domain/remove": {
    path: () => `/admin/domains/${RULE_DOMAIN}/remove`,
    params: () => ({ domain: RULE_DOMAIN }),
    loader: removeDomain.loader,
    action: removeDomain.action,
    form: {},
  },
  "/admin/audit": { path: () => "/admin/audit", params: () => ({}), loader: audit.loader },
};

async function setUp() {
  const pending = await createMember({ status: "pending", email: "pending@example.org.uk" });
  const active = await createMember({ email: "active@nhs.net" });
  const plainMember = await createMember({ email: "member@nhs.net" });
  await addDomainOverride(null, { domain: RULE_DOMAIN, policy: "allow", note: undefined });
  return { ids: { pending: pending.id, active: active.id }, memberCookie: await sessionCookieFor(plainMember.id) };
}

/** Everything staff actions could change, to compare before and after. */
async function snapshot() {
  return {
    users: await database.selectFrom("users").select(["id", "status", "status_reason"]).orderBy("id").execute(),
    sessions: await database.selectFrom("sessions").select("id").orderBy("id").execute(),
    overrides: await database.selectFrom("domain_overrides").selectAll().execute(),
    audit: await database.selectFrom("audit_log").selectAll().execute(),
    outbox: await database.selectFrom("outbox").select("id").execute(),
  };
}

describe.each(Object.entries(ROUTES))("%s", (_name, route) => {
  it("loader: a member gets 403; a visitor is redirected to sign in and back", async () => {
    const { ids, memberCookie } = await setUp();
    const path = route.path(ids);
    const asMember = await outcome(() => route.loader({ request: pageRequest(path, { cookie: memberCookie }), params: route.params(ids), context: testContext }));
    expect(asMember).toBeInstanceOf(Response);
    expect((asMember as Response).status).toBe(403);

    const asVisitor = await outcome(() => route.loader({ request: pageRequest(path), params: route.params(ids), context: testContext }));
    expect((asVisitor as Response).status).toBe(302);
    expect((asVisitor as Response).headers.get("Location")).toBe(`/sign-in?${new URLSearchParams({ redirectTo: path })}`);
  });

  if (route.action) {
    const action = route.action;
    it("action: a member's POST is refused with 403 and a visitor's is redirected; nothing changes", async () => {
      const { ids, memberCookie } = await setUp();
      const path = route.path(ids);
      const before = await snapshot();

      const asMember = await outcome(() =>
        action({ request: pageRequest(path, { cookie: memberCookie, form: route.form }), params: route.params(ids), context: testContext }),
      );
      expect((asMember as Response).status).toBe(403);
      const asVisitor = await outcome(() => action({ request: pageRequest(path, { form: route.form }), params: route.params(ids), context: testContext }));
      expect((asVisitor as Response).status).toBe(302);
      expect((asVisitor as Response).headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);

      expect(await snapshot()).toEqual(before);
    });

    it("action: the same POST from an admin does change something (so the refusal above is meaningful)", async () => {
      const { ids } = await setUp();
      const admin = await createAdmin();
      const path = route.path(ids);
      const before = await snapshot();
      const result = await outcome(async () =>
        action({ request: pageRequest(path, { cookie: await sessionCookieFor(admin.id), form: route.form }), params: route.params(ids), context: testContext }),
      );
      expect((result as Response).status).toBe(302);
      const after = await snapshot();
      expect(after.audit.length).toBe(before.audit.length + 1);
    });
  }
});

it("/admin sends everyone to the member list, which refuses a member with its 403 page (not bare text from a route without one)", async () => {
  const { memberCookie } = await setUp();
  const sent = await outcome(async () => adminIndex.loader());
  expect((sent as Response).status).toBe(302);
  expect((sent as Response).headers.get("Location")).toBe("/admin/members");
  const shown = await outcome(() => members.loader({ request: pageRequest("/admin/members", { cookie: memberCookie }), params: {}, context: testContext }));
  expect((shown as Response).status).toBe(403);
  expect(members.ErrorBoundary).toBeDefined();
});

describe("removing a domain rule", () => {
  it("answers 404 for a domain with no rule or that is not a domain, and changes nothing", async () => {
    const admin = await createAdmin();
    const cookie = await sessionCookieFor(admin.id);
    for (const domain of ["no-rule.example.org", "not a domain", "a@b.org"]) {
      const path = `/admin/domains/${encodeURIComponent(domain)}/remove`;
      const shown = await outcome(() => removeDomain.loader({ request: pageRequest(path, { cookie }), params: { domain }, context: testContext }));
      expect((shown as Response).status, domain).toBe(404);
      const posted = await outcome(() => removeDomain.action({ request: pageRequest(path, { cookie, form: {} }), params: { domain }, context: testContext }));
      expect((posted as Response).status, domain).toBe(404);
    }
    expect(await database.selectFrom("audit_log").selectAll().execute()).toEqual([]);
  });
});

describe("member pages refuse bad ids", () => {
  it("answers 404 for an id that is not a number or not a member", async () => {
    const admin = await createAdmin();
    const cookie = await sessionCookieFor(admin.id);
    for (const id of ["abc", "0", "999999", "1e3"]) {
      const result = await outcome(() => member.loader({ request: pageRequest(`/admin/members/${id}`, { cookie }), params: { id }, context: testContext }));
      expect((result as Response).status, id).toBe(404);
    }
  });
});
