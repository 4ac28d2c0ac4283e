import type { Database } from "~/db.server";

/**
 * Adds the fictional demo data each feature needs, skipping what is already there.
 * Returns a one-line summary for the console.
 */
export async function seedDemoData(database: Database): Promise<string> {
  const parts: string[] = [];
  void database;
  return parts.length ? parts.join("; ") : "nothing to add";
}
