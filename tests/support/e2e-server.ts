import { rmSync } from "node:fs";

/**
 * Starts the production build for the e2e suite on a fresh SQLite file with the demo data,
 * so every run begins from the same state. Environment as for `npm start`.
 */
const databasePath = process.env.DATABASE_PATH;
if (!databasePath?.startsWith("test-results/")) throw new Error("e2e DATABASE_PATH must live under test-results/");
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databasePath}${suffix}`, { force: true });

const { migrateToLatest } = await import("#db/database");
const { db, closeDb } = await import("~/db.server");
const { seedDemoData } = await import("~/demo/seed.server");
await migrateToLatest(db());
await seedDemoData(db());
await closeDb();

await import("../../server/index");
