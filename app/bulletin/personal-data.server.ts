import { sql } from "kysely";
import type { PersonalDataStep } from "~/privacy/define";
import { campaignKeySql } from "./copies.server";

/**
 * The bulletins a member was sent, their subscription history, and a refused address. Leaving keeps
 * each bulletin's figures right: the rows stay without the member (no id, no address), and a copy's
 * outcome is copied from the outbox first, because the mail layer deletes the member's outbox rows next.
 */
export const bulletinPersonalData: PersonalDataStep[] = [
  {
    name: "bulletins sent",
    tables: ["bulletin_recipients"],
    async export(executor, member) {
      const copies = await executor
        .selectFrom("bulletin_recipients as r")
        .innerJoin("bulletins as b", "b.id", "r.bulletin_id")
        .select(["b.subject", "r.to_address", "r.queued_at", "r.status"])
        .where("r.user_id", "=", member.id)
        .orderBy("r.id")
        .execute();
      return { bulletinsSent: copies.map((copy) => ({ subject: copy.subject, sentTo: copy.to_address, queuedAt: copy.queued_at, refused: copy.status === "bounced" })) };
    },
    onLeave: "remove your name and address from the lists of who each bulletin went to",
    leave: "anonymise",
    async run(trx, member) {
      // The copy's outbox row is found by the bulletin's campaign and the address.
      await sql`update bulletin_recipients
        set status = coalesce((
          select case when o.status = 'pending' then 'queued' else o.status end
          from outbox o join outbox_bodies b on b.id = o.body_id
          where b.campaign_key = ${campaignKeySql("bulletin_recipients.bulletin_id")} and o.to_address = bulletin_recipients.to_address), status)
        where user_id = ${member.id} and status <> 'bounced'`.execute(trx);
      await trx.updateTable("bulletin_recipients").set({ user_id: null, to_address: null }).where("user_id", "=", member.id).execute();
    },
  },
  {
    name: "bulletin subscription",
    tables: ["bulletin_subscription_changes", "bulletin_bounces"],
    async export(executor, member) {
      const changes = await executor
        .selectFrom("bulletin_subscription_changes")
        .select(["change", "source", "at"])
        .where("user_id", "=", member.id)
        .orderBy("id")
        .execute();
      const refused = await executor.selectFrom("bulletin_bounces").select(["email", "bounced_at"]).where("user_id", "=", member.id).executeTakeFirst();
      return {
        bulletinSubscriptionChanges: changes.map((change) => ({ change: change.change, how: change.source, at: change.at })),
        ...(refused ? { bulletinAddressRefused: { address: refused.email, at: refused.bounced_at } } : {}),
      };
    },
    onLeave: "delete any note that your address refused our email, and keep when you unsubscribed only as an anonymous count",
    leave: "anonymise",
    async run(trx, member) {
      await trx.deleteFrom("bulletin_bounces").where("user_id", "=", member.id).execute();
      await trx.updateTable("bulletin_subscription_changes").set({ user_id: null, token_hash: null }).where("user_id", "=", member.id).execute();
    },
  },
  {
    name: "bulletin unsubscribe links",
    tables: ["bulletin_unsubscribe_tokens"],
    async export(executor, member) {
      const row = await executor
        .selectFrom("bulletin_unsubscribe_tokens")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .where("user_id", "=", member.id)
        .executeTakeFirstOrThrow();
      // Only hashes are stored; the links themselves are in the emails.
      return { bulletinUnsubscribeLinks: Number(row.count) };
    },
    onLeave: "keep the unsubscribe links in bulletins you were sent working, to say that nothing more is sent to you",
    leave: "keep",
    why: "Each row is the hash of a random token and the id of the account, which leaving anonymises: nothing in it is about the person, and an old link then explains itself instead of looking broken.",
  },
];
