import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { listAudit } from "./audit.server";
import { parseInterests } from "./members.server";
import { JOB_ROLES, labelFor, REGIONS } from "./profile-options";

/**
 * Everything the portal holds about a member, for "Download my data" (a subject access copy).
 * Secrets (session and code hashes) are left out: they identify nothing and would weaken security.
 */
export async function exportMemberData(userId: number) {
  const database = db();
  const user = await database.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
  const roles = await database.selectFrom("role_grants").select(["role", "scope", "granted_at"]).where("user_id", "=", userId).execute();
  const sessions = await database
    .selectFrom("sessions")
    .select(["created_at", "last_verified_at", "expires_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
  const challenges = await database
    .selectFrom("email_challenges")
    .select(["purpose", "email", "created_at", "expires_at", "consumed_at"])
    .where((eb) => eb.or([eb("user_id", "=", userId), eb("email", "=", user.email)]))
    .orderBy("created_at")
    .execute();
  const emails = await database
    .selectFrom("outbox")
    .select(["subject", "created_at", "status", "sent_at"])
    .where("to_address", "=", user.email)
    .orderBy("created_at")
    .execute();
  const audit = await listAudit({ aboutUserId: userId, pageSize: 10_000 });

  return {
    exportedAt: nowIso(),
    about: "Everything the Social Prescribing Network portal holds about you. Times are UTC.",
    profile: {
      email: user.email,
      fullName: user.full_name,
      organisation: user.organisation,
      jobRole: { value: user.job_role, label: labelFor(JOB_ROLES, user.job_role) },
      region: { value: user.region, label: labelFor(REGIONS, user.region) },
      icbOrPcn: user.icb_pcn,
      workspaceInterests: parseInterests(user.workspace_interests_json),
      status: user.status,
      statusReason: user.status_reason,
      emailVerifiedAt: user.email_verified_at,
      joinedAt: user.created_at,
      updatedAt: user.updated_at,
    },
    consents: {
      bulletin: user.bulletin_opt_in === 1,
      eventNotifications: user.events_opt_in === 1,
    },
    roles: roles.map((grant) => ({ role: grant.role, scope: grant.scope, grantedAt: grant.granted_at })),
    sessions: sessions.map((session) => ({
      signedInAt: session.created_at,
      lastUsedAt: session.last_verified_at,
      expiresAt: session.expires_at,
    })),
    emailCodes: challenges.map((challenge) => ({
      purpose: challenge.purpose,
      sentTo: challenge.email,
      createdAt: challenge.created_at,
      expiresAt: challenge.expires_at,
      usedAt: challenge.consumed_at,
    })),
    emailsSent: emails.map((email) => ({ subject: email.subject, queuedAt: email.created_at, status: email.status, sentAt: email.sent_at })),
    activity: audit.entries.map((entry) => ({ at: entry.at, what: entry.summary, by: entry.actorUserId === userId ? "you" : entry.actorName, details: entry.details })),
  };
}

export type MemberDataExport = Awaited<ReturnType<typeof exportMemberData>>;
