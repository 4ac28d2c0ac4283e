import type { Database } from "~/db.server";
import { allFeatures } from "~/features.server";

/**
 * Adds the fictional demo data each feature needs (in registry order, so members exist before
 * what they take part in), skipping what is already there. Returns a one-line summary for the console.
 */
export async function seedDemoData(database: Database): Promise<string> {
  const parts: string[] = [];
  for (const feature of allFeatures()) {
    const summary = await feature.seedDemo?.(database);
    if (summary) parts.push(summary);
  }
  return parts.length ? parts.join("; ") : "nothing to add";
}
