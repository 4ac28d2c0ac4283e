import { migrateToLatest } from "#db/database";
import { closeDb, db } from "~/db.server";
import { config } from "~/config.server";

const applied = await migrateToLatest(db());
console.log(applied.length ? `Applied: ${applied.join(", ")}` : `Database ${config().databasePath} is up to date.`);
await closeDb();
