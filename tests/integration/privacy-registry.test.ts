import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { allFeatures } from "~/features.server";
import { personalDataSteps } from "~/privacy/registry.server";
import { memberReferencingTables } from "../support/database";
import { setUpDatabaseTests } from "../support/fixtures";

const { database } = setUpDatabaseTests();

/** Tables that refer to a member but that no feature's personal-data step covers. */
async function uncoveredTables(): Promise<string[]> {
  const covered = new Set(personalDataSteps().flatMap((step) => step.tables));
  return (await memberReferencingTables(database)).filter((table) => !covered.has(table));
}

describe("the personal-data registry", () => {
  afterEach(async () => {
    await sql`drop table if exists unregistered_notes`.execute(database);
  });

  it("covers every table that refers to a member, so download and leaving miss nothing", async () => {
    expect(await memberReferencingTables(database)).toEqual(expect.arrayContaining(["users", "sessions", "outbox", "email_challenges"]));
    expect(await uncoveredTables()).toEqual([]);
  });

  it("notices a new table with a member reference that no feature registered", async () => {
    await sql`create table unregistered_notes (id integer primary key, author_id integer references users(id))`.execute(database);
    expect(await uncoveredTables()).toEqual(["unregistered_notes"]);
  });

  it("names only tables that exist, and says why anything is kept", async () => {
    const tables = new Set((await database.introspection.getTables()).map((table) => table.name));
    for (const step of personalDataSteps()) {
      for (const table of step.tables) expect(tables.has(table), `${step.name} names ${table}`).toBe(true);
      if (step.leave === "keep") expect(step.why.length, `${step.name} says why it is kept`).toBeGreaterThan(20);
    }
  });

  it("lists each feature once", () => {
    const names = allFeatures().map((feature) => feature.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
