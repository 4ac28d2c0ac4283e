import { sql, type Kysely } from "kysely";
import type { DB } from "#db/schema";
import { db } from "~/db.server";

/**
 * A transaction that takes SQLite's write lock before it reads (BEGIN IMMEDIATE), for changes that
 * read a count and then act on it, such as "is there still a place?". In one process the portal's
 * single connection already runs transactions one at a time; this also holds when another process
 * (a separate worker, the CLI) writes to the same file: the second writer waits (busy_timeout)
 * instead of acting on a count that is out of date or failing when it tries to write.
 * Nothing inside `work` may start another transaction or use `db()` directly: it holds the connection.
 */
export async function writeTransaction<T>(work: (trx: Kysely<DB>) => Promise<T>, database: Kysely<DB> = db()): Promise<T> {
  return database.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
