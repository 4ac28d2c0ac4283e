import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "~/db.server";
import { listAudit } from "~/audit/audit.server";
import { addDomainOverride, listDomainOverrides, removeDomainOverride } from "~/membership/domain-overrides.server";
import { domainOverrideSchema } from "~/membership/staff-schemas";
import { clearDatabase, testDatabase } from "../support/database";
import * as domains from "~/routes/admin.domains";
import { createAdmin, pageRequest, sessionCookieFor, testContext } from "../support/fixtures";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(() => clearDatabase(database));

function parse(domain: string, policy = "allow") {
  return domainOverrideSchema.safeParse({ domain, policy });
}

describe("domain rule validation", () => {
  it.each([
    ["example.org.uk", "example.org.uk"],
    ["  Meadowbank-Wellbeing.ORG.UK ", "meadowbank-wellbeing.org.uk"],
    ["nhs.net", "nhs.net"],
    ["@Riverside-Wellbeing.org.uk ", "riverside-wellbeing.org.uk"],
    [" @ riverside-wellbeing.org.uk", "riverside-wellbeing.org.uk"],
  ])("accepts %j as %j", (input, expected) => {
    const result = parse(input);
    expect(result.success && result.data.domain).toBe(expected);
  });

  it.each([
    ["", "Enter a domain"],
    ["someone@example.org.uk", "Enter the part after the @ only, like example.org.uk"],
    ["https://example.org.uk", "Enter the domain only, without https:// or a path"],
    ["example.org.uk/about", "Enter the domain only, without https:// or a path"],
    ["localhost", "Enter a domain like example.org.uk"],
    ["-bad.org.uk", "Enter a domain like example.org.uk"],
    ["bad..org.uk", "Enter a domain like example.org.uk"],
    ["exa mple.org", "Enter a domain like example.org.uk"],
  ])("refuses %j with %j", (input, message) => {
    const result = parse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it("needs a policy", () => {
    expect(parse("example.org.uk", "sometimes").error?.issues[0]?.message).toBe(
      "Select whether to always allow or always refuse this domain",
    );
  });
});

describe("domain rules", () => {
  it("adds, lists and removes a rule, auditing both changes", async () => {
    const admin = await createAdmin({ full_name: "Priya Shah" });
    expect(await addDomainOverride(admin.id, { domain: "meadowbank.org.uk", policy: "allow", note: "VCSE partner" })).toEqual({ ok: true });
    expect(await listDomainOverrides()).toMatchObject([
      { domain: "meadowbank.org.uk", policy: "allow", note: "VCSE partner", created_by_name: "Priya Shah" },
    ]);

    expect(await removeDomainOverride(admin.id, "meadowbank.org.uk")).toBe(true);
    expect(await listDomainOverrides()).toEqual([]);
    expect(await removeDomainOverride(admin.id, "meadowbank.org.uk")).toBe(false);

    const { entries } = await listAudit();
    expect(entries.map((entry) => [entry.action, entry.subjectId, entry.actorUserId])).toEqual([
      ["domain-override.removed", "meadowbank.org.uk", admin.id],
      ["domain-override.added", "meadowbank.org.uk", admin.id],
    ]);
    expect(entries[1]?.details).toEqual({ policy: "allow", note: "VCSE partner" });
  });

  it("refuses a second rule for the same domain, keeping the first", async () => {
    const admin = await createAdmin();
    await addDomainOverride(admin.id, { domain: "spam.example", policy: "refuse" });
    const again = await addDomainOverride(admin.id, { domain: "spam.example", policy: "allow" });
    expect(again).toEqual({ ok: false, field: "domain", error: expect.stringContaining("already a rule for spam.example") });
    expect(await listDomainOverrides()).toMatchObject([{ domain: "spam.example", policy: "refuse" }]);
    expect((await listAudit()).total).toBe(1);
  });

  it.each([
    ["gmail.com", "a personal email service"],
    ["hotmail.co.uk", "a personal email service"],
    ["mailinator.com", "a temporary email service"],
    ["anything.33mail.com", "a temporary email service"],
  ])("refuses to always allow %s (%s), by the field, recording nothing", async (domain, kind) => {
    const admin = await createAdmin();
    const result = await addDomainOverride(admin.id, { domain, policy: "allow" });
    expect(result).toEqual({ ok: false, field: "domain", error: expect.stringContaining(`${domain} is ${kind}`) });
    expect(await listDomainOverrides()).toEqual([]);
    expect((await listAudit()).total).toBe(0);
  });

  it("still lets staff always refuse a personal email service", async () => {
    const admin = await createAdmin();
    expect(await addDomainOverride(admin.id, { domain: "gmail.com", policy: "refuse" })).toEqual({ ok: true });
  });

  it("the domains page shows the refusal by the domain field", async () => {
    const admin = await createAdmin();
    const cookie = await sessionCookieFor(admin.id);
    const request = pageRequest("/admin/domains", { cookie, form: { domain: "gmail.com", policy: "allow" } });
    const reply = (await domains.action({ request, params: {}, context: testContext })) as { error?: Record<string, string[]> };
    expect(reply.error?.domain?.[0]).toMatch(/^gmail\.com is a personal email service/);
  });
});
