import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedDemoData } from "~/demo/seed.server";
import type { Database } from "~/db.server";
import { DEMO_ADMIN_EMAIL, DEMO_DOMAIN_OVERRIDE, DEMO_PEOPLE } from "~/membership/demo-members.server";
import { findUserByEmail } from "~/auth/users.server";
import { hasRole } from "~/auth/roles.server";
import { clearDatabase, testDatabase } from "../support/database";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(() => clearDatabase(database));

async function counts() {
  const count = async (table: "users" | "role_grants" | "domain_overrides") =>
    Number((await database.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  return { users: await count("users"), roles: await count("role_grants"), overrides: await count("domain_overrides") };
}

describe("demo members", () => {
  it("adds an admin, active members across regions and roles, pending joiners and a domain rule", async () => {
    const summary = await seedDemoData(database);
    expect(summary).toContain(`${DEMO_PEOPLE.length} demo members`);

    const admin = await findUserByEmail(DEMO_ADMIN_EMAIL);
    expect(admin?.status).toBe("active");
    expect(await hasRole(admin!.id, "admin")).toBe(true);

    const users = await database.selectFrom("users").selectAll().execute();
    const active = users.filter((u) => u.status === "active");
    const pending = users.filter((u) => u.status === "pending");
    expect(new Set(active.map((u) => u.region)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(active.map((u) => u.job_role)).size).toBeGreaterThanOrEqual(4);
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect(pending.every((u) => u.email.endsWith(".org.uk"))).toBe(true);
    expect(pending.some((u) => u.email.endsWith(`@${DEMO_DOMAIN_OVERRIDE.domain}`))).toBe(true);
  });

  it("is idempotent: a second run adds nothing", async () => {
    await seedDemoData(database);
    const first = await counts();
    expect(await seedDemoData(database)).toBe("nothing to add");
    expect(await counts()).toEqual(first);
    // The workspaces' demo adds its lead (app/workspaces/demo.server.ts); this emptied database has no workspaces for them to lead.
    expect(first).toEqual({ users: DEMO_PEOPLE.length + 1, roles: 1, overrides: 1 });
  });
});
