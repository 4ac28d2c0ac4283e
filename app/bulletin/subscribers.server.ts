import type { Kysely } from "kysely";
import type { DB } from "#db/schema";

/**
 * Who receives the bulletin: active members who opted in, whose address the mail server has not
 * refused. A refusal only counts while the member still has the refused address.
 */
export function subscribers(executor: Kysely<DB>) {
  return executor
    .selectFrom("users")
    .where("users.status", "=", "active")
    .where("users.bulletin_opt_in", "=", 1)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("bulletin_bounces")
            .select("bulletin_bounces.user_id")
            .whereRef("bulletin_bounces.user_id", "=", "users.id")
            .whereRef("bulletin_bounces.email", "=", "users.email"),
        ),
      ),
    );
}

export async function countSubscribers(executor: Kysely<DB>): Promise<number> {
  const row = await subscribers(executor)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface SubscriberSummary {
  subscribed: number;
  /** Opted in, but their address was refused and they have not confirmed or changed it yet. */
  paused: number;
  /** Active members who have not opted in. */
  notSubscribed: number;
}

export async function subscriberSummary(executor: Kysely<DB>): Promise<SubscriberSummary> {
  const subscribed = await countSubscribers(executor);
  const rows = await executor
    .selectFrom("users")
    .select(["bulletin_opt_in", (eb) => eb.fn.countAll<number>().as("count")])
    .where("status", "=", "active")
    .groupBy("bulletin_opt_in")
    .execute();
  const optedIn = Number(rows.find((row) => row.bulletin_opt_in === 1)?.count ?? 0);
  const optedOut = Number(rows.find((row) => row.bulletin_opt_in === 0)?.count ?? 0);
  return { subscribed, paused: optedIn - subscribed, notSubscribed: optedOut };
}
