import { rmSync } from "node:fs";

/**
 * Prepares a fresh SQLite file with the demo data for an e2e server, so every run begins from the same
 * state; playwright.config.ts then starts the compiled production server on it. Environment as for `npm start`.
 */
const databasePath = process.env.DATABASE_PATH;
if (!databasePath?.startsWith("test-results/")) throw new Error("e2e DATABASE_PATH must live under test-results/");
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databasePath}${suffix}`, { force: true });
// Uploaded files (recordings) of the last run: each portal has a folder of its own.
const storagePath = process.env.STORAGE_PATH;
if (!storagePath?.startsWith("test-results/")) throw new Error("e2e STORAGE_PATH must live under test-results/");
rmSync(storagePath, { recursive: true, force: true });

const { migrateToLatest } = await import("#db/database");
const { db, closeDb } = await import("~/db.server");
const { seedDemoData } = await import("~/demo/seed.server");
await migrateToLatest(db());
await seedDemoData(db());
await closeDb();
