import { parseWithZod } from "@conform-to/zod/v4";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testMessageEmail } from "#emails/test-message";
import type { Database } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { signOutEverywhere, updatePreferences, updateProfile } from "~/membership/account.server";
import { listAudit } from "~/audit/audit.server";
import { leaveNetwork } from "~/privacy/leave.server";
import { findUserById } from "~/auth/users.server";
import { exportMemberData } from "~/privacy/export.server";
import { profileSchema, type ProfileInput } from "~/membership/profile-schema";
import { grantRole } from "~/auth/roles.server";
import { clearDatabase, testDatabase } from "../support/database";
import { createAdmin, createMember, sessionCookieFor } from "../support/fixtures";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(() => clearDatabase(database));

function profileForm(values: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) for (const item of [value].flat()) form.append(key, item);
  return parseWithZod(form, { schema: profileSchema });
}

const validProfile: ProfileInput = {
  fullName: "Grace Mensah",
  organisation: "Calder Moor PCN",
  jobRole: "link-worker",
  region: "north-east-and-yorkshire",
  icbPcn: "Calder Moor PCN",
  workspaceInterests: ["yorkshire-and-the-humber", "green-social-prescribing"],
};

describe("profile validation", () => {
  it("accepts a complete profile, trimming text", () => {
    const result = profileForm({ ...validProfile, icbPcn: "Calder Moor PCN", workspaceInterests: validProfile.workspaceInterests ?? [], fullName: "  Grace Mensah  " });
    expect(result.status).toBe("success");
    expect(result.status === "success" && result.value).toMatchObject({ fullName: "Grace Mensah", workspaceInterests: validProfile.workspaceInterests });
  });

  it("names each problem in words a member understands", () => {
    const result = profileForm({ fullName: "   ", organisation: "", jobRole: "astronaut", region: "", workspaceInterests: "mars" });
    expect(result.status).toBe("error");
    expect(result.reply().error).toEqual({
      fullName: ["Enter your full name"],
      organisation: ["Enter the name of your organisation"],
      jobRole: ["Select your job role"],
      region: ["Select your NHS England region"],
      workspaceInterests: ["Select workspaces from the list"],
    });
  });

  it("refuses overlong values", () => {
    const result = profileForm({ ...validProfile, icbPcn: "", workspaceInterests: [], fullName: "x".repeat(101) });
    expect(result.reply().error).toEqual({ fullName: ["Full name must be 100 characters or fewer"] });
  });
});

describe("a member's own changes", () => {
  it("saves the profile and records that it changed, without the values", async () => {
    const member = await createMember();
    await updateProfile(member.id, { ...validProfile, workspaceInterests: ["london"] });
    expect(await findUserById(member.id)).toMatchObject({
      full_name: "Grace Mensah",
      organisation: "Calder Moor PCN",
      region: "north-east-and-yorkshire",
      icb_pcn: "Calder Moor PCN",
      workspace_interests_json: '["london"]',
    });
    const { entries } = await listAudit();
    expect(entries).toMatchObject([{ action: "member.profile-updated", actorUserId: member.id }]);
  });

  it("records which fields changed, by name only, and staff read them in words", async () => {
    const member = await createMember({ full_name: "Grace Mensah", organisation: "Old PCN", region: "london", job_role: "link-worker" });
    await updateProfile(member.id, {
      fullName: "Grace Mensah",
      organisation: "Calder Moor PCN",
      jobRole: "link-worker",
      region: "north-east-and-yorkshire",
      icbPcn: "",
      workspaceInterests: [],
    });
    const { entries } = await listAudit();
    expect(entries[0]?.details).toEqual({ fields: ["organisation", "region"] });
    // Names of fields, never their values.
    expect(JSON.stringify(entries[0]?.details)).not.toMatch(/Calder|north-east|Old PCN|london/);
    expect(entries[0]?.detailLines).toEqual([{ label: "Changed", value: "Organisation, NHS England region" }]);
  });

  it("records nothing when nothing changed", async () => {
    const member = await createMember({ full_name: "Grace Mensah", organisation: "Test PCN", region: "london", job_role: "link-worker" });
    await updateProfile(member.id, { fullName: "Grace Mensah", organisation: "Test PCN", jobRole: "link-worker", region: "london" });
    expect((await listAudit()).total).toBe(0);
  });

  it("keeps the two consents separate", async () => {
    const member = await createMember({ bulletin_opt_in: 0, events_opt_in: 0 });
    await updatePreferences(member.id, { bulletin: true });
    expect(await findUserById(member.id)).toMatchObject({ bulletin_opt_in: 1, events_opt_in: 0 });
    await updatePreferences(member.id, { events: true });
    expect(await findUserById(member.id)).toMatchObject({ bulletin_opt_in: 0, events_opt_in: 1 });
  });

  it("signs out of every device", async () => {
    const member = await createMember();
    const other = await createMember();
    await sessionCookieFor(member.id);
    await sessionCookieFor(member.id);
    await sessionCookieFor(other.id);
    await signOutEverywhere(member.id);
    const sessions = await database.selectFrom("sessions").select("user_id").execute();
    expect(sessions).toEqual([{ user_id: other.id }]);
  });
});

describe("download my data", () => {
  it("holds the profile, consents, roles, sessions without secrets, emails and the history about them", async () => {
    const admin = await createAdmin();
    const member = await createMember({
      email: "grace.mensah@nhs.net",
      full_name: "Grace Mensah",
      region: "north-east-and-yorkshire",
      workspace_interests_json: '["green-social-prescribing"]',
      bulletin_opt_in: 1,
    });
    await grantRole(member.id, "workspace_lead", { scope: "green-social-prescribing", grantedBy: admin.id });
    await sessionCookieFor(member.id);
    await updatePreferences(member.id, { bulletin: true, events: false });
    await enqueueEmail(database, { to: "grace.mensah@nhs.net", template: testMessageEmail, props: { note: "hi" } });
    await updateProfile(admin.id, { ...validProfile, fullName: "Admin Name" });

    const data = await exportMemberData(member.id);

    expect(data.profile).toMatchObject({
      email: "grace.mensah@nhs.net",
      fullName: "Grace Mensah",
      region: { value: "north-east-and-yorkshire", label: "North East and Yorkshire" },
      workspaceInterests: ["green-social-prescribing"],
      status: "active",
    });
    expect(data.consents).toEqual({ bulletin: true, eventNotifications: false });
    expect(data.roles).toEqual([{ role: "workspace_lead", scope: "green-social-prescribing", grantedAt: expect.any(String) }]);
    expect(data.sessions).toHaveLength(1);
    expect(Object.keys((data.sessions as Array<Record<string, unknown>>)[0]!).sort()).toEqual(["expiresAt", "lastUsedAt", "signedInAt"]);
    expect(data.emailsSent).toMatchObject([{ subject: "Test message from the Social Prescribing Network portal" }]);
    expect(data.activity).toMatchObject([{ what: "Changed their email preferences", by: "you" }]);
    // No secrets, and nothing about anyone else.
    const text = JSON.stringify(data);
    const session = await database.selectFrom("sessions").selectAll().executeTakeFirstOrThrow();
    expect(text).not.toContain(session.secret_hash);
    expect(text).not.toContain(session.id);
    expect(text).not.toContain("Admin Name");
  });
});

describe("leaving the network", () => {
  it("leaves no personal data anywhere except the confirmation email, and keeps an anonymous tombstone", async () => {
    const other = await createMember({ email: "someone.else@nhs.net" });
    const member = await createMember({
      email: "grace.mensah@nhs.net",
      full_name: "Grace Mensah",
      organisation: "Calder Moor PCN",
      icb_pcn: "Calder Moor ICB",
      workspace_interests_json: '["yorkshire-and-the-humber"]',
      bulletin_opt_in: 1,
      events_opt_in: 1,
    });
    await grantRole(member.id, "admin");
    await sessionCookieFor(member.id);
    await sessionCookieFor(other.id);
    const at = new Date().toISOString();
    for (const userId of [member.id, other.id]) {
      await database
        .insertInto("email_challenges")
        .values({ public_id: `c${userId}`, purpose: "sign-in", email: userId === member.id ? "grace.mensah@nhs.net" : "someone.else@nhs.net", user_id: userId, token_hash: "a", code_hash: "b", data_json: "{}", expires_at: at, created_at: at })
        .execute();
    }
    await database.insertInto("rate_limit_hits").values([
      { bucket: "email-request:address:grace.mensah@nhs.net", at },
      { bucket: "email-request:address:someone.else@nhs.net", at },
    ]).execute();
    await enqueueEmail(database, { to: "grace.mensah@nhs.net", template: testMessageEmail, props: { note: "earlier" } });
    await enqueueEmail(database, { to: "someone.else@nhs.net", template: testMessageEmail, props: { note: "kept" } });
    await updateProfile(member.id, { ...validProfile, fullName: "Grace Mensah" });

    await leaveNetwork(member.id);

    const tombstone = await findUserById(member.id);
    expect(tombstone).toMatchObject({
      full_name: "Former member",
      organisation: "",
      job_role: "",
      region: "",
      icb_pcn: null,
      workspace_interests_json: "[]",
      bulletin_opt_in: 0,
      events_opt_in: 0,
      status: "left",
      email_verified_at: null,
    });
    expect(tombstone?.email).toBe(`former-member-${member.id}@removed.invalid`);

    // Search every table for anything that identifies her.
    const personal = ["grace.mensah@nhs.net", "Grace Mensah", "Calder Moor", "yorkshire-and-the-humber"];
    const tables = (await database.introspection.getTables()).filter((t) => !t.name.startsWith("kysely_"));
    for (const table of tables) {
      const rows = await database.selectFrom(table.name as never).selectAll().execute();
      const holding = rows.filter((row) => personal.some((value) => JSON.stringify(row).includes(value)));
      if (table.name === "outbox") {
        expect(holding.map((row) => (row as { template: string }).template)).toEqual(["member-left"]);
      } else {
        expect(holding, `personal data left in ${table.name}`).toEqual([]);
      }
    }
    expect(await database.selectFrom("sessions").select("user_id").execute()).toEqual([{ user_id: other.id }]);
    expect(await database.selectFrom("role_grants").selectAll().where("user_id", "=", member.id).execute()).toEqual([]);
    expect(await database.selectFrom("email_challenges").select("user_id").execute()).toEqual([{ user_id: other.id }]);
    expect(await database.selectFrom("rate_limit_hits").select("bucket").execute()).toEqual([{ bucket: "email-request:address:someone.else@nhs.net" }]);

    const confirmation = await database.selectFrom("outbox").selectAll().where("template", "=", "member-left").executeTakeFirstOrThrow();
    expect(confirmation.to_address).toBe("grace.mensah@nhs.net");
    expect(confirmation.text).toContain("Grace Mensah");
    expect(await database.selectFrom("outbox").select("to_address").where("template", "=", "test-message").execute()).toEqual([
      { to_address: "someone.else@nhs.net" },
    ]);
    // The audit log keeps that someone left, without saying who they were.
    expect((await listAudit()).entries[0]).toMatchObject({ action: "member.left", actorName: "Former member", subjectName: "Former member" });
  });

  it("frees the address so the person can join again later", async () => {
    const member = await createMember({ email: "comeback@nhs.net" });
    await leaveNetwork(member.id);
    const again = await createMember({ email: "comeback@nhs.net" });
    expect(again.id).not.toBe(member.id);
  });
});
