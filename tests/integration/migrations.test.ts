import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, type MigrationProvider } from "kysely";
import { afterEach, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type Database } from "#db/database";
import { migrations } from "#db/migrations/index";

/**
 * Migration numbers are handed out before features land, so a lower number can reach main after higher
 * ones have run on someone's database (webinars' 0004 after workspaces' 0006 and 0009).
 */
let folder: string | undefined;
let database: Database | undefined;
afterEach(async () => {
  await database?.destroy();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

it("applies a migration numbered below ones a database already ran, once", async () => {
  folder = mkdtempSync(join(tmpdir(), "spn-migrations-"));
  database = openDatabase(join(folder, "portal.db"));
  const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== "0004_webinars"));
  const provider: MigrationProvider = { getMigrations: async () => before };
  const earlier = await new Migrator({ db: database, provider }).migrateToLatest();
  expect(earlier.error).toBeUndefined();

  expect(await migrateToLatest(database)).toEqual(["0004_webinars"]);
  expect(await migrateToLatest(database)).toEqual([]);
  const tables = (await database.introspection.getTables()).map((table) => table.name);
  expect(tables).toEqual(expect.arrayContaining(["webinars", "webinar_registrations", "workspaces"]));
});
