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
    for (const table of tables) {
      if (table.name.startsWith("kysely_")) continue;
      await trx.deleteFrom(table.name as never).execute();
    }
  });
}
