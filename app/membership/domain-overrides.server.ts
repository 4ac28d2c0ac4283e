import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { membershipAudit } from "./audit-actions.server";
import { listedEmailService } from "./domain-policy.server";
import type { DomainOverrideInput } from "./staff-schemas";

/** Staff rules that always allow or always refuse an email domain when people join (read by the domain policy). */

export async function listDomainOverrides(executor: Kysely<DB> = db()) {
  return executor
    .selectFrom("domain_overrides")
    .leftJoin("users", "users.id", "domain_overrides.created_by")
    .select([
      "domain_overrides.domain",
      "domain_overrides.policy",
      "domain_overrides.note",
      "domain_overrides.created_at",
      "users.full_name as created_by_name",
    ])
    .orderBy("domain_overrides.domain")
    .execute();
}

export type AddDomainOverrideResult = { ok: true } | { ok: false; field: "domain"; error: string };

/**
 * Adds a rule. "Always allow" is refused for personal and temporary email services: it would let
 * anyone become a member at once (staff can still always refuse them, though the lists already do).
 */
export async function addDomainOverride(actorUserId: number | null, input: DomainOverrideInput): Promise<AddDomainOverrideResult> {
  const listed = input.policy === "allow" ? listedEmailService(input.domain) : null;
  if (listed) {
    const kind = listed === "personal" ? "a personal email service" : "a temporary email service";
    return {
      ok: false,
      field: "domain",
      error: `${input.domain} is ${kind}, so it cannot be always allowed: anyone can get an address there. Add a rule for the organisation's own domain instead.`,
    };
  }
  return db()
    .transaction()
    .execute(async (trx) => {
      const existing = await trx.selectFrom("domain_overrides").select("policy").where("domain", "=", input.domain).executeTakeFirst();
      if (existing) {
        return { ok: false, field: "domain", error: `There is already a rule for ${input.domain}. Remove it first to change it.` } as const;
      }
      await trx
        .insertInto("domain_overrides")
        .values({ domain: input.domain, policy: input.policy, note: input.note || null, created_at: nowIso(), created_by: actorUserId })
        .execute();
      await membershipAudit.record(trx, {
        actorUserId,
        action: "domain-override.added",
        subjectType: "domain",
        subjectId: input.domain,
        details: { policy: input.policy, note: input.note || null },
      });
      return { ok: true } as const;
    });
}

/** Removes the rule for a domain; false when there was none. */
export async function findDomainOverride(domain: string, executor: Kysely<DB> = db()) {
  return executor.selectFrom("domain_overrides").selectAll().where("domain", "=", domain).executeTakeFirst();
}

export async function removeDomainOverride(actorUserId: number | null, domain: string): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const existing = await trx.selectFrom("domain_overrides").selectAll().where("domain", "=", domain).executeTakeFirst();
      if (!existing) return false;
      await trx.deleteFrom("domain_overrides").where("domain", "=", domain).execute();
      await membershipAudit.record(trx, {
        actorUserId,
        action: "domain-override.removed",
        subjectType: "domain",
        subjectId: domain,
        details: { policy: existing.policy },
      });
      return true;
    });
}
