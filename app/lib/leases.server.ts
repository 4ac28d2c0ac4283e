/**
 * Leases on rows a worker takes from a queue table (the outbox, jobs). Shared by mail and jobs so
 * neither imports the other.
 */
import type { Kysely, Selectable } from "kysely";
import type { DB } from "#db/schema";
import { now } from "~/clock.server";

/** Tables the worker works through: each row is leased while a worker handles it. */
export type LeasedTable = "outbox" | "jobs";

/**
 * Leases the rows `dueIds` picks (in one transaction, so two workers never take the same row), until
 * `leaseMs` from now; after a crash the lease runs out and another pass picks the row up.
 */
export async function leaseDueRows<T extends LeasedTable>(
  db: Kysely<DB>,
  table: T,
  leaseMs: number,
  dueIds: (trx: Kysely<DB>, nowIso: string) => Promise<number[]>,
): Promise<Array<Selectable<DB[T]>>> {
  const at = now();
  return db.transaction().execute(async (trx) => {
    const ids = await dueIds(trx, at.toISOString());
    if (ids.length === 0) return [];
    const leased = await trx
      .updateTable(table as LeasedTable)
      .set({ locked_until: new Date(at.getTime() + leaseMs).toISOString() })
      .where("id", "in", ids)
      .returningAll()
      .execute();
    return leased as Array<Selectable<DB[T]>>;
  });
}

/** Wait before retrying after a failure: 30 s, 1 min, 2 min … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/** Gives back leases on rows a stopping worker will not get to, so the next pass can take them at once. */
export async function releaseLeases(db: Kysely<DB>, table: LeasedTable, ids: number[]): Promise<void> {
  if (ids.length) await db.updateTable(table).set({ locked_until: null }).where("id", "in", ids).execute();
}
