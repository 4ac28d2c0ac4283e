import { migrateToLatest } from "#db/database";
import { closeDb, db } from "~/db.server";
import { config } from "~/config.server";
import { seedDemoData } from "~/demo/seed.server";

// Fictional demo data for the quick start; safe to run again (it only adds what is missing).
await migrateToLatest(db());
const summary = await seedDemoData(db());
console.log(`Demo data ready in ${config().databasePath}: ${summary}`);
await closeDb();
