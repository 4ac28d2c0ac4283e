import type { ExpressionBuilder } from "kysely";
import type { DB } from "#db/schema";
import { nowIso } from "~/clock.server";
import type { PersonalDataStep } from "~/privacy/define";
import { FORMER_MEMBER_NAME, tombstoneEmail } from "~/privacy/tombstone";
import { parseInterests } from "./members.server";
import { JOB_ROLES, labelFor, REGIONS } from "./profile-options";

/** The member's profile and consents, their email codes, the domain rules they added as staff, and their event-email unsubscribe links. */
export const membershipPersonalData: PersonalDataStep[] = [
  {
    name: "profile",
    tables: ["users"],
    async export(_executor, user) {
      return {
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
        consents: { bulletin: user.bulletin_opt_in === 1, eventNotifications: user.events_opt_in === 1 },
      };
    },
    onLeave: "delete your name, email address, organisation, job role, region, ICB or PCN and workspace interests",
    leave: "anonymise",
    // The row stays as a tombstone so what they posted can still point at "Former member" (docs/decisions/0005-leaving.md).
    async run(trx, user) {
      await trx
        .updateTable("users")
        .set({
          email: tombstoneEmail(user.id),
          full_name: FORMER_MEMBER_NAME,
          organisation: "",
          job_role: "",
          region: "",
          icb_pcn: null,
          workspace_interests_json: "[]",
          bulletin_opt_in: 0,
          events_opt_in: 0,
          status: "left",
          status_reason: null,
          email_verified_at: null,
          updated_at: nowIso(),
        })
        .where("id", "=", user.id)
        .execute();
    },
  },
  {
    name: "email codes",
    tables: ["email_challenges"],
    async export(executor, user) {
      const challenges = await executor
        .selectFrom("email_challenges")
        .select(["purpose", "email", "created_at", "expires_at", "consumed_at"])
        .where(theirCodes(user))
        .orderBy("created_at")
        .execute();
      return {
        emailCodes: challenges.map((challenge) => ({
          purpose: challenge.purpose,
          sentTo: challenge.email,
          createdAt: challenge.created_at,
          expiresAt: challenge.expires_at,
          usedAt: challenge.consumed_at,
        })),
      };
    },
    onLeave: "cancel any sign-in code still waiting to be used",
    leave: "erase",
    async run(trx, user) {
      await trx
        .deleteFrom("email_challenges")
        .where(theirCodes(user))
        .execute();
    },
  },
  {
    name: "domain rules",
    tables: ["domain_overrides"],
    async export(executor, user) {
      const rules = await executor
        .selectFrom("domain_overrides")
        .select(["domain", "policy", "created_at"])
        .where("created_by", "=", user.id)
        .orderBy("created_at")
        .execute();
      return rules.length ? { domainRulesYouAdded: rules.map((rule) => ({ domain: rule.domain, rule: rule.policy, addedAt: rule.created_at })) } : {};
    },
    onLeave: "keep the email domain rules you added as staff, shown as added by a former member",
    leave: "keep",
    why: "Domain rules decide who may join the network; they belong to the network, not to the member who added them.",
  },
  {
    name: "webinar and event email unsubscribe links",
    tables: ["event_email_unsubscribe_tokens"],
    async export(executor, user) {
      const row = await executor
        .selectFrom("event_email_unsubscribe_tokens")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .where("user_id", "=", user.id)
        .executeTakeFirstOrThrow();
      // Only hashes are stored; the links themselves are in the emails.
      return { eventEmailUnsubscribeLinks: Number(row.count) };
    },
    onLeave: "delete the unsubscribe links in webinar and event emails you were sent (nothing more is sent to you)",
    leave: "erase",
    async run(trx, user) {
      await trx.deleteFrom("event_email_unsubscribe_tokens").where("user_id", "=", user.id).execute();
    },
  },
];

/**
 * Codes issued to the member (every real code is tied to who asked: joining, signing in, changing
 * address), and the stand-ins for their current address that are tied to no one. Another person's
 * codes for an address, such as a change to it that was never confirmed, or one this member once had,
 * are not theirs.
 */
function theirCodes(user: { id: number; email: string }) {
  return (eb: ExpressionBuilder<DB, "email_challenges">) =>
    eb.or([eb("user_id", "=", user.id), eb.and([eb("user_id", "is", null), eb("email", "=", user.email)])]);
}
