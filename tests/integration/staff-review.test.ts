import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { listAudit } from "~/audit/audit.server";
import { testClock } from "~/clock.server";
import { findUserById } from "~/auth/users.server";
import { addDomainOverride } from "~/membership/domain-overrides.server";
import * as member from "~/routes/admin.members.$id._index";
import * as members from "~/routes/admin.members._index";
import * as decline from "~/routes/admin.members.$id.decline";
import * as remove from "~/routes/admin.members.$id.remove";
import { createAdmin, createMember, emailsTo, pageData, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";
import { renderPage } from "../support/render-page";

const { database } = setUpDatabaseTests();

const args = (request: Request, params: Record<string, string> = {}): LoaderFunctionArgs & ActionFunctionArgs => ({ request, params, context: testContext });

async function responseOf(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The session cookie plus whatever cookie `response` set (the flash), as the browser sends them next. */
function cookiesAfter(session: string, response: Response): string {
  return `${session}; ${(response.headers.get("Set-Cookie") ?? "").split(";")[0]}`;
}

async function joiners(...names: string[]) {
  const created = [];
  for (const [index, name] of names.entries()) {
    testClock.freeze(`2026-11-0${index + 1}T09:00:00Z`);
    created.push(await createMember({ status: "pending", full_name: name, email: `${name.split(" ")[0]!.toLowerCase()}@charity-${index}.org.uk` }));
  }
  testClock.reset();
  return created;
}

describe("reviewing joiners one after another", () => {
  it("after approving, the page offers the next waiting joiner (the longest waiting first)", async () => {
    const admin = await createAdmin();
    const session = await sessionCookieFor(admin.id);
    const [hannah, marcus, joy] = await joiners("Hannah Price", "Marcus Bell", "Joy Adeyemi");
    const params = { id: String(marcus!.id) };
    const response = await responseOf(() => member.action(args(pageRequest(`/admin/members/${marcus!.id}`, { cookie: session, form: { intent: "approve" } }), params)));
    const page = await renderPage(member, pageRequest(`/admin/members/${marcus!.id}`, { cookie: cookiesAfter(session, response) }), { path: "/admin/members/:id" });
    expect(page.text).toContain("Approved. We have emailed them to say they can sign in.");
    expect(page.text).toContain("Next waiting joiner: Hannah Price");
    expect(page.html).toContain(`href="/admin/members/${hannah!.id}"`);
    expect(joy).toBeDefined();
  });

  it("says so when nobody else is waiting", async () => {
    const admin = await createAdmin();
    const session = await sessionCookieFor(admin.id);
    const [only] = await joiners("Hannah Price");
    const params = { id: String(only!.id) };
    const response = await responseOf(() => member.action(args(pageRequest(`/admin/members/${only!.id}`, { cookie: session, form: { intent: "approve" } }), params)));
    const page = await renderPage(member, pageRequest(`/admin/members/${only!.id}`, { cookie: cookiesAfter(session, response) }), { path: "/admin/members/:id" });
    expect(page.text).toContain("No one else is waiting for approval.");
  });
});

describe("a joiner from a domain that now has an 'Always allow' rule", () => {
  it("is explained, with the rule named, and offered for approval", async () => {
    const admin = await createAdmin();
    const cookie = await sessionCookieFor(admin.id);
    const joiner = await createMember({ status: "pending", full_name: "Marcus Bell", email: "marcus.bell@team.northfold-connect.org.uk" });
    await addDomainOverride(admin.id, { domain: "northfold-connect.org.uk", policy: "allow", note: "Hosts the PCN's link workers" });
    const page = await renderPage(member, pageRequest(`/admin/members/${joiner.id}`, { cookie }), { path: "/admin/members/:id" });
    expect(page.text).toContain("northfold-connect.org.uk now has an “Always allow” rule");
    expect(page.text).toContain("Marcus Bell confirmed their address before the rule was added");
    expect(page.text).toContain("Approve Marcus Bell (northfold-connect.org.uk is always allowed)");
  });

  it("a joiner without such a rule gets the usual choice", async () => {
    const admin = await createAdmin();
    const cookie = await sessionCookieFor(admin.id);
    const joiner = await createMember({ status: "pending", full_name: "Joy Adeyemi", email: "joy@hollowfield-arts.org.uk" });
    const page = await renderPage(member, pageRequest(`/admin/members/${joiner.id}`, { cookie }), { path: "/admin/members/:id" });
    expect(page.text).not.toContain("Always allow");
    expect(page.text).toContain("Approve");
  });
});

describe("approving several joiners at once", () => {
  it("approves each ticked joiner, emailing and auditing each, and says who", async () => {
    const admin = await createAdmin();
    const session = await sessionCookieFor(admin.id);
    const [hannah, marcus, joy] = await joiners("Hannah Price", "Marcus Bell", "Joy Adeyemi");
    const form = { intent: "approve", ids: [String(hannah!.id), String(joy!.id)] };
    const response = await responseOf(() => members.action(args(pageRequest("/admin/members?status=pending", { cookie: session, form }))));
    expect(response.headers.get("Location")).toBe("/admin/members?status=pending");

    expect((await findUserById(hannah!.id))?.status).toBe("active");
    expect((await findUserById(joy!.id))?.status).toBe("active");
    expect((await findUserById(marcus!.id))?.status).toBe("pending");
    for (const joiner of [hannah!, joy!]) expect((await emailsTo(database, joiner.email)).map((mail) => mail.template)).toEqual(["member-approved"]);
    expect((await listAudit()).entries.map((entry) => [entry.action, entry.subjectId, entry.actorUserId])).toEqual([
      ["member.approved", String(joy!.id), admin.id],
      ["member.approved", String(hannah!.id), admin.id],
    ]);

    const list = pageData<{ banner: string | null }>(
      await members.loader(args(pageRequest("/admin/members?status=pending", { cookie: cookiesAfter(session, response) }))),
    );
    expect(list.banner).toBe("Approved 2 joiners: Hannah Price and Joy Adeyemi. We have emailed each of them.");
  });

  it("shows a checkbox for each waiting joiner and one button, in a form that works without JavaScript", async () => {
    const admin = await createAdmin();
    const cookie = await sessionCookieFor(admin.id);
    const [hannah] = await joiners("Hannah Price");
    const page = await renderPage(members, pageRequest("/admin/members?status=pending", { cookie }), { path: "/admin/members" });
    expect(page.html).toMatch(new RegExp(`<input[^>]*name="ids"[^>]*value="${hannah!.id}"`));
    expect(page.text).toContain("Select Hannah Price");
    expect(page.html).toMatch(/<form method="post"[^>]*>/);
    expect(page.text).toContain("Approve selected joiners");
  });

  it("asks to select someone when nobody is ticked, and reports anyone no longer waiting", async () => {
    const admin = await createAdmin();
    const session = await sessionCookieFor(admin.id);
    const none = pageData<{ error?: string }>(await members.action(args(pageRequest("/admin/members", { cookie: session, form: { intent: "approve" } }))));
    expect(none.error).toBe("Select the joiners to approve");

    const [hannah] = await joiners("Hannah Price");
    const already = await createMember({ status: "active", full_name: "Sam Carter" });
    const form = { intent: "approve", ids: [String(hannah!.id), String(already.id)] };
    const response = await responseOf(() => members.action(args(pageRequest("/admin/members", { cookie: session, form }))));
    const list = pageData<{ banner: string | null }>(await members.loader(args(pageRequest("/admin/members", { cookie: cookiesAfter(session, response) }))));
    expect(list.banner).toBe("Approved 1 joiner: Hannah Price. We have emailed them. Not approved: Sam Carter is not waiting for approval.");
  });

  it("is for admins only", async () => {
    const nonAdmin = await createMember();
    const [hannah] = await joiners("Hannah Price");
    const cookie = await sessionCookieFor(nonAdmin.id);
    const refused = await responseOf(() => members.action(args(pageRequest("/admin/members", { cookie, form: { intent: "approve", ids: [String(hannah!.id)] } }))));
    expect(refused.status).toBe(403);
    expect((await findUserById(hannah!.id))?.status).toBe("pending");
  });
});

describe("a decision someone else got to first", () => {
  // The decision's own page sends staff back to the member's page once the status no longer fits, so the
  // reason nothing happened has to travel with them.
  it("declining a joiner who is already a member says why nothing happened on the member's page", async () => {
    const admin = await createAdmin();
    const session = await sessionCookieFor(admin.id);
    const already = await createMember({ status: "active", full_name: "Sam Carter" });
    const path = `/admin/members/${already.id}/decline`;
    const response = await responseOf(() => decline.action(args(pageRequest(path, { cookie: session, form: { reason: "Not in social prescribing" } }), { id: String(already.id) })));
    expect(response.headers.get("Location")).toBe(`/admin/members/${already.id}`);
    const page = await renderPage(member, pageRequest(`/admin/members/${already.id}`, { cookie: cookiesAfter(session, response) }), { path: "/admin/members/:id" });
    expect(page.text).toContain("There is a problem Sam Carter is not waiting for approval");
    expect(page.html).toContain('href="#member-actions"');
    expect((await findUserById(already.id))?.status).toBe("active");
  });

  it("removing a member who is still waiting to join says why nothing happened", async () => {
    const admin = await createAdmin();
    const session = await sessionCookieFor(admin.id);
    const [hannah] = await joiners("Hannah Price");
    const path = `/admin/members/${hannah!.id}/remove`;
    const response = await responseOf(() => remove.action(args(pageRequest(path, { cookie: session, form: { reason: "Left the network" } }), { id: String(hannah!.id) })));
    const page = await renderPage(member, pageRequest(`/admin/members/${hannah!.id}`, { cookie: cookiesAfter(session, response) }), { path: "/admin/members/:id" });
    expect(page.text).toContain("There is a problem Hannah Price is not an active member");
    expect((await findUserById(hannah!.id))?.status).toBe("pending");
  });
});
