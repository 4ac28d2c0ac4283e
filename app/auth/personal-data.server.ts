import { sql } from "kysely";
import { escapeLike } from "~/lib/like.server";
import type { PersonalDataStep } from "~/privacy/define";

/** What signing in and roles keep about a member. */
export const authPersonalData: PersonalDataStep[] = [
  {
    name: "sessions",
    tables: ["sessions"],
    // Secrets (the session id and its hash) are left out: they identify nothing and would weaken security.
    async export(executor, member) {
      const sessions = await executor
        .selectFrom("sessions")
        .select(["created_at", "last_verified_at", "expires_at"])
        .where("user_id", "=", member.id)
        .orderBy("created_at")
        .execute();
      return {
        sessions: sessions.map((session) => ({ signedInAt: session.created_at, lastUsedAt: session.last_verified_at, expiresAt: session.expires_at })),
      };
    },
    onLeave: "sign you out on every device",
    leave: "erase",
    async run(trx, member) {
      await trx.deleteFrom("sessions").where("user_id", "=", member.id).execute();
    },
  },
  {
    name: "roles",
    tables: ["role_grants"],
    async export(executor, member) {
      const roles = await executor.selectFrom("role_grants").select(["role", "scope", "granted_at"]).where("user_id", "=", member.id).execute();
      return { roles: roles.map((grant) => ({ role: grant.role, scope: grant.scope, grantedAt: grant.granted_at })) };
    },
    onLeave: "withdraw any role you have",
    leave: "erase",
    async run(trx, member) {
      await trx.deleteFrom("role_grants").where("user_id", "=", member.id).execute();
    },
  },
  {
    name: "rate limits",
    tables: ["rate_limit_hits"],
    async export(executor, member) {
      const hits = await executor.selectFrom("rate_limit_hits").select(["bucket", "at"]).where(personalBuckets(member)).orderBy("at").execute();
      return { recentRequests: hits.map((hit) => ({ at: hit.at, kind: hit.bucket.split(":")[0] })) };
    },
    onLeave: "forget when you last asked us for an email",
    leave: "erase",
    async run(trx, member) {
      await trx.deleteFrom("rate_limit_hits").where(personalBuckets(member)).execute();
    },
  },
];

/**
 * Buckets about the member end in their address or their id (see rate-limits.server.ts). An address's
 * buckets stay with the address when it changes hands: they limit email to that inbox, whoever has it,
 * hold only a time and a kind, and are pruned after a day.
 */
function personalBuckets(member: { id: number; email: string }) {
  return sql<boolean>`(bucket like ${`%:${escapeLike(member.email)}`} escape '\\' or bucket like ${`%:user:${member.id}`})`;
}
