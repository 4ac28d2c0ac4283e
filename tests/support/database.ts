import { sql } from "kysely";
import { migrateToLatest } from "#db/database";
import { db, type Database } from "~/db.server";

/** The test file's own migrated database (a real SQLite file in a temporary folder). */
export async function testDatabase(): Promise<Database> {
  await migrateToLatest(db());
  return db();
}

/** Empties every table, keeping the schema, so each test starts clean. */
export async function clearDatabase(database: Database): Promise<void> {
  const tables = await database.introspection.getTables();
  await database.transaction().execute(async (trx) => {
    // Tables are emptied in name order, not dependency order: check foreign keys once, at commit, when all are empty.
    await sql`pragma defer_foreign_keys = on`.execute(trx);
    for (const table of tables) {
      if (table.name.startsWith("kysely_")) continue;
      await trx.deleteFrom(table.name as never).execute();
    }
  });
}

/** Columns that hold a member's address without a foreign key (email is the identity). */
const ADDRESS_COLUMNS = ["email", "to_address"];

/**
 * Tables that refer to a member: a foreign key to users, or a column holding an address.
 * Reads SQLite's own catalogue (pragma table functions); another database would read its information schema.
 */
export async function memberReferencingTables(database: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select distinct m.name as name
    from sqlite_master m
    left join pragma_foreign_key_list(m.name) fk on fk."table" = 'users'
    left join pragma_table_info(m.name) col on col.name in (${sql.join(ADDRESS_COLUMNS)})
    where m.type = 'table' and m.name not like 'kysely_%' and m.name not like 'sqlite_%'
      and (fk."table" is not null or col.name is not null)
    order by m.name`.execute(database);
  return rows.map((row) => row.name);
}
