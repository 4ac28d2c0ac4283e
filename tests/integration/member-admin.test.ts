import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "~/db.server";
import { listAudit } from "~/audit/audit.server";
import { approveMember, declineMember, removeMember, searchMembers } from "~/membership/member-admin.server";
import { leaveNetwork } from "~/privacy/leave.server";
import { findUserById } from "~/auth/users.server";
import { hasRole, grantRole } from "~/auth/roles.server";
import { validateSessionToken } from "~/auth/sessions.server";
import { clearDatabase, testDatabase } from "../support/database";
import { createAdmin, createMember, sessionCookieFor } from "../support/fixtures";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(() => clearDatabase(database));

async function outboxTo(address: string) {
  return database.selectFrom("outbox").selectAll().where("to_address", "=", address).execute();
}

describe("people who have left, as staff see them", () => {
  it("are listed only when asked for, without their placeholder address", async () => {
    const member = await createMember({ email: "leaving@nhs.net", full_name: "Lee Ving" });
    await createMember({ email: "staying@nhs.net" });
    await leaveNetwork(member.id);

    const everyone = await searchMembers({});
    expect(everyone.members.map((m) => m.id)).not.toContain(member.id);
    expect(everyone.total).toBe(everyone.members.length);
    expect((await searchMembers({ status: "left" })).total).toBe(1);
    const { members } = await searchMembers({ status: "left" });
    expect(members).toMatchObject([{ id: member.id, full_name: "Former member", email: "None (left the network)" }]);
  });
});

describe("approving, declining and removing members", () => {
  it("approves a pending joiner: active, approval email queued, audit entry naming the admin", async () => {
    const admin = await createAdmin();
    const joiner = await createMember({ status: "pending", email: "hannah@meadowbank.org.uk", full_name: "Hannah Price" });

    expect(await approveMember(admin.id, joiner.id)).toEqual({ ok: true, fullName: "Hannah Price" });

    expect((await findUserById(joiner.id))?.status).toBe("active");
    const [mail] = await outboxTo("hannah@meadowbank.org.uk");
    expect(mail).toMatchObject({ template: "member-approved", subject: "You are now a member of the Social Prescribing Network" });
    expect(mail?.text).toContain("Hannah Price");
    const { entries } = await listAudit();
    expect(entries).toMatchObject([{ action: "member.approved", actorUserId: admin.id, subjectId: String(joiner.id), subjectName: "Hannah Price" }]);
  });

  it("refuses to approve someone who is not waiting, changing nothing", async () => {
    const admin = await createAdmin();
    const member = await createMember({ status: "declined" });
    const result = await approveMember(admin.id, member.id);
    expect(result.ok).toBe(false);
    expect((await findUserById(member.id))?.status).toBe("declined");
    expect(await outboxTo(member.email)).toHaveLength(0);
    expect((await listAudit()).total).toBe(0);
  });

  it("declines with a reason: kept on the member, emailed to them, and in the audit log", async () => {
    const admin = await createAdmin();
    const joiner = await createMember({ status: "pending", email: "joy@hollowfield.org.uk" });
    const reason = "We could not confirm that your role involves social prescribing.";

    expect(await declineMember(admin.id, joiner.id, reason)).toEqual({ ok: true, fullName: joiner.full_name });

    expect(await findUserById(joiner.id)).toMatchObject({ status: "declined", status_reason: reason });
    const [mail] = await outboxTo("joy@hollowfield.org.uk");
    expect(mail?.template).toBe("member-declined");
    expect(mail?.text).toContain(reason);
    expect(mail?.html).toContain("We could not confirm that your role involves social prescribing.");
    const { entries } = await listAudit();
    expect(entries[0]).toMatchObject({ action: "member.declined", actorUserId: admin.id, details: { reason } });
  });

  it("removes an active member: status, reason emailed, every session ended, roles withdrawn, audited", async () => {
    const admin = await createAdmin();
    const member = await createMember({ email: "leaver@nhs.net" });
    await grantRole(member.id, "admin");
    const cookies = [await sessionCookieFor(member.id), await sessionCookieFor(member.id)];
    const reason = "Posted advertising in several workspaces after a warning.";

    expect(await removeMember(admin.id, member.id, reason)).toEqual({ ok: true, fullName: member.full_name });

    expect(await findUserById(member.id)).toMatchObject({ status: "removed", status_reason: reason });
    for (const cookie of cookies) expect(await validateSessionToken(cookie.split("=")[1] ?? "")).toBeNull();
    expect(await hasRole(member.id, "admin")).toBe(false);
    const [mail] = await outboxTo("leaver@nhs.net");
    expect(mail?.template).toBe("member-removed");
    expect(mail?.text).toContain(reason);
    expect((await listAudit()).entries[0]).toMatchObject({ action: "member.removed", details: { reason } });
  });

  it("does not let an admin remove themselves", async () => {
    const admin = await createAdmin();
    const result = await removeMember(admin.id, admin.id, "testing");
    expect(result).toEqual({ ok: false, error: expect.stringContaining("cannot remove yourself") });
    expect((await findUserById(admin.id))?.status).toBe("active");
  });
});

describe("finding members", () => {
  it("searches name, email and organisation case-insensitively and filters by status, region and job role", async () => {
    await createMember({ full_name: "Grace Mensah", organisation: "Calder Moor PCN", region: "north-east-and-yorkshire" });
    await createMember({ full_name: "Tom Okafor", email: "tom.okafor@nhs.net", region: "london" });
    await createMember({ full_name: "Hannah Price", status: "pending", job_role: "vcse", region: "south-east" });
    await createMember({ full_name: "Former member", status: "left" });

    const names = async (search: Parameters<typeof searchMembers>[0]) => (await searchMembers(search)).members.map((m) => m.full_name);
    expect(await names({ q: "calder" })).toEqual(["Grace Mensah"]);
    expect(await names({ q: "TOM.OKAFOR" })).toEqual(["Tom Okafor"]);
    expect(await names({ q: "mensah" })).toEqual(["Grace Mensah"]);
    expect(await names({ status: "pending" })).toEqual(["Hannah Price"]);
    expect(await names({ region: "london" })).toEqual(["Tom Okafor"]);
    expect(await names({ jobRole: "vcse" })).toEqual(["Hannah Price"]);
    expect((await names({})).sort()).toEqual(["Grace Mensah", "Hannah Price", "Tom Okafor"]);
    expect(await names({ status: "left" })).toEqual(["Former member"]);
    // LIKE wildcards in the search are taken literally.
    expect(await names({ q: "%" })).toEqual([]);
  });

  it("pages results twenty at a time, newest first", async () => {
    for (let i = 0; i < 45; i++) await createMember({ created_at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() });
    const first = await searchMembers({});
    expect(first).toMatchObject({ total: 45, page: 1, pageCount: 3 });
    expect(first.members).toHaveLength(20);
    const last = await searchMembers({ page: 3 });
    expect(last.members).toHaveLength(5);
    expect(new Date(first.members[0]!.created_at) > new Date(last.members[0]!.created_at)).toBe(true);
    expect((await searchMembers({ page: 99 })).page).toBe(3);
  });
});
