import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "~/db.server";
import { listAudit } from "~/audit/audit.server";
import { grantRoleByEmail, revokeRoleByEmail } from "~/auth/role-admin.server";
import { hasRole } from "~/auth/roles.server";
import { clearDatabase, testDatabase } from "../support/database";
import { createMember } from "../support/fixtures";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(() => clearDatabase(database));

const asCli = { actorUserId: null };

describe("granting and revoking roles by email", () => {
  it("grants and revokes admin, audit-logged as the command line", async () => {
    const member = await createMember({ email: "priya.shah@nhs.net", full_name: "Priya Shah" });
    expect(await grantRoleByEmail({ ...asCli, email: " Priya.Shah@NHS.net ", role: "admin" })).toBe("Granted the admin role to Priya Shah.");
    expect(await hasRole(member.id, "admin")).toBe(true);
    expect(await grantRoleByEmail({ ...asCli, email: "priya.shah@nhs.net", role: "admin" })).toBe("Priya Shah already has the admin role.");

    expect(await revokeRoleByEmail({ ...asCli, email: "priya.shah@nhs.net", role: "admin" })).toBe("Revoked the admin role from Priya Shah.");
    expect(await hasRole(member.id, "admin")).toBe(false);

    const { entries } = await listAudit();
    expect(entries.map((e) => [e.action, e.actorName, e.subjectName, e.details])).toEqual([
      ["role.revoked", "Command line", "Priya Shah", { role: "admin", scope: null }],
      ["role.granted", "Command line", "Priya Shah", { role: "admin", scope: null }],
    ]);
  });

  it("scopes workspace_lead to a workspace", async () => {
    const member = await createMember({ email: "lead@nhs.net" });
    await grantRoleByEmail({ ...asCli, email: "lead@nhs.net", role: "workspace_lead", scope: "london" });
    expect(await hasRole(member.id, "workspace_lead", "london")).toBe(true);
    expect(await hasRole(member.id, "workspace_lead", "green-social-prescribing")).toBe(false);
  });

  it.each([
    [{ email: "nobody@nhs.net", role: "admin" }, "No member has the email address nobody@nhs.net."],
    [{ email: "lead@nhs.net", role: "superuser" }, 'Unknown role "superuser". Roles: admin, workspace_lead.'],
    [{ email: "lead@nhs.net", role: "workspace_lead" }, "The workspace_lead role needs a workspace slug."],
    [{ email: "pending@nhs.net", role: "admin" }, "pending@nhs.net is not an active member (status: pending)."],
  ])("refuses %j clearly", async (change, message) => {
    await createMember({ email: "lead@nhs.net" });
    await createMember({ email: "pending@nhs.net", status: "pending" });
    await expect(grantRoleByEmail({ ...asCli, ...change })).rejects.toThrow(message);
    expect((await listAudit()).total).toBe(0);
  });

  it("refuses to revoke a role the member does not have", async () => {
    await createMember({ email: "plain@nhs.net", full_name: "Plain Member" });
    await expect(revokeRoleByEmail({ ...asCli, email: "plain@nhs.net", role: "admin" })).rejects.toThrow(
      "Plain Member does not have the admin role.",
    );
  });
});

describe("npm run cli -- grant-role", () => {
  it("grants the role and prints what it did; an unknown address exits 1 with one line", async () => {
    const member = await createMember({ email: "cli.admin@nhs.net", full_name: "Cli Admin" });
    const run = (...args: string[]) =>
      promisify(execFile)("npx", ["tsx", "scripts/cli.ts", ...args], { env: { ...process.env, LOG_LEVEL: "silent" } });

    const granted = await run("grant-role", "cli.admin@nhs.net", "admin");
    expect(granted.stdout.trim()).toBe("Granted the admin role to Cli Admin.");
    expect(await hasRole(member.id, "admin")).toBe(true);

    const failure = await run("revoke-role", "nobody@nhs.net", "admin").catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stderr: "No member has the email address nobody@nhs.net.\n" });

    // A mistyped workspace would otherwise make a lead of nothing, silently.
    const typo = await run("grant-role", "cli.admin@nhs.net", "workspace_lead", "londn").catch((error: { code: number; stderr: string }) => error);
    expect(typo).toMatchObject({ code: 1, stderr: 'No workspace has the slug "londn".\n' });
    expect(await hasRole(member.id, "workspace_lead", "londn")).toBe(false);
  });
});
