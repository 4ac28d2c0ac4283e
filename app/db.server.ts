import { openDatabase, type Database } from "#db/database";
import { config } from "~/config.server";

export type { Database } from "#db/database";

let instance: Database | undefined;

/** The process's database handle, opened on first use from DATABASE_PATH. */
export function db(): Database {
  instance ??= openDatabase(config().databasePath);
  return instance;
}

export async function closeDb(): Promise<void> {
  const current = instance;
  instance = undefined;
  await current?.destroy();
}
