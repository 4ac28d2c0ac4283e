import type { Database } from "~/db.server";
import { seedDemoMembers } from "~/membership/demo-members.server";

/**
 * Adds the fictional demo data each feature needs, skipping what is already there.
 * Returns a one-line summary for the console.
 */
export async function seedDemoData(database: Database): Promise<string> {
  const parts = [await seedDemoMembers(database)].filter(Boolean);
  return parts.length ? parts.join("; ") : "nothing to add";
}
