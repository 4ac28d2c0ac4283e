import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { addDomainOverride } from "~/membership/domain-overrides.server";
import { readFlash, redirectWithFlash } from "~/lib/flash.server";
import * as domains from "~/routes/admin.domains";
import * as removeDomain from "~/routes/admin.domains_.$domain.remove";
import * as member from "~/routes/admin.members.$id._index";
import * as decline from "~/routes/admin.members.$id.decline";
import * as staffWorkspace from "~/routes/admin.workspaces.$id";
import * as moderation from "~/routes/workspaces.$slug.moderation";
import { createWorkspace } from "~/workspaces/admin.server";
import { createAdmin, createMember, pageData, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";

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
