import { describe, expect, it } from "vitest";
import { auditActionLabels } from "~/audit/audit.server";
import { testClock } from "~/clock.server";
import { addDomainOverride } from "~/membership/domain-overrides.server";
import { approveMember, declineMember } from "~/membership/member-admin.server";
import * as audit from "~/routes/admin.audit";
import { createAdmin, createMember, pageData, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";
import { renderPage } from "../support/render-page";

setUpDatabaseTests();

interface AuditPage {
  entries: Array<{ action: string; subjectName: string | null; actorName: string; at: string }>;
  total: number;
  errors: Array<{ fieldId: string; message: string }>;
}

async function scenario() {
  const admin = await createAdmin({ full_name: "Priya Shah", email: "priya.shah@nhs.net" });
  const hannah = await createMember({ status: "pending", full_name: "Hannah Price", email: "hannah@meadowbank.org.uk" });
  const joy = await createMember({ status: "pending", full_name: "Joy Adeyemi", email: "joy@hollowfield.org.uk" });
  // 1 July 2026, 23:30 UTC is 2 July, 00:30 in London (BST).
  testClock.freeze("2026-07-01T23:30:00Z");
  await approveMember(admin.id, hannah.id);
  testClock.freeze("2026-07-03T10:00:00Z");
  await declineMember(admin.id, joy.id, "Not eligible");
  testClock.freeze("2026-07-04T10:00:00Z");
  await addDomainOverride(admin.id, { domain: "meadowbank.org.uk", policy: "allow" });
  testClock.reset();
  return { cookie: await sessionCookieFor(admin.id) };
}

async function load(query: string, cookie: string): Promise<AuditPage> {
  return pageData<AuditPage>(await audit.loader({ request: pageRequest(`/admin/audit?${query}`, { cookie }), params: {}, context: testContext }));
}

describe("audit log filters", () => {
  it("by action", async () => {
    const { cookie } = await scenario();
    const page = await load("action=member.declined", cookie);
    expect(page.entries.map((entry) => [entry.action, entry.subjectName])).toEqual([["member.declined", "Joy Adeyemi"]]);
    expect(page.total).toBe(1);
  });

  it("by person: whoever acted or whom it was about, by name or address", async () => {
    const { cookie } = await scenario();
    expect((await load("person=hannah", cookie)).entries.map((entry) => entry.action)).toEqual(["member.approved"]);
    expect((await load("person=HOLLOWFIELD.org", cookie)).entries.map((entry) => entry.action)).toEqual(["member.declined"]);
    // Priya acted in every entry.
    expect((await load("person=Priya", cookie)).total).toBe(3);
    // LIKE wildcards are taken literally.
    expect((await load("person=%25", cookie)).total).toBe(0);
  });

  it("by date range, in UK time, both ends included", async () => {
    const { cookie } = await scenario();
    expect((await load("from=2026-07-02&to=2026-07-02", cookie)).entries.map((entry) => entry.action)).toEqual(["member.approved"]);
    expect((await load("from=2026-07-03", cookie)).entries.map((entry) => entry.action)).toEqual(["domain-override.added", "member.declined"]);
    expect((await load("to=2026-07-01", cookie)).total).toBe(0);
  });

  it("combines filters, and explains dates it cannot use instead of failing", async () => {
    const { cookie } = await scenario();
    expect((await load("action=member.approved&person=joy", cookie)).total).toBe(0);
    const backwards = await load("from=2026-07-04&to=2026-07-02", cookie);
    expect(backwards.errors).toEqual([{ fieldId: "to", message: "The ‘to’ date must be the same as or after the ‘from’ date" }]);
    const nonsense = await load("from=2026-02-30&action=no.such.action", cookie);
    expect(nonsense.errors).toEqual([{ fieldId: "from", message: "Enter a real date for ‘from’, like 2026-07-01" }]);
    // An action nobody registered is ignored (a read-only search), so everything shows.
    expect(nonsense.total).toBe(3);
  });

  it("is a GET form listing every registered action, so it works without JavaScript", async () => {
    const { cookie } = await scenario();
    const page = await renderPage(audit, pageRequest("/admin/audit?action=member.approved", { cookie }), { path: "/admin/audit" });
    expect(page.html).toMatch(/<form method="get"[^>]*>/);
    for (const { action, label } of auditActionLabels()) expect(page.html).toContain(`<option value="${action}"${action === "member.approved" ? ' selected=""' : ""}>${label.replace(/'/g, "&#x27;")}</option>`);
    expect(page.text).toContain("1 entry matches");
    expect(page.html).toContain('href="/admin/audit"');
  });
});
