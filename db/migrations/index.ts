import type { Migration } from "kysely";
import * as foundation from "./0001_foundation";
import * as membership from "./0002_membership";
import * as bulletin from "./0005_bulletin";

/**
 * Append-only: add new migrations at the end, never edit or reorder applied ones.
 * Listed statically so the same list works from the server bundle, the CLI and tests.
 */
export const migrations: Record<string, Migration> = {
  "0001_foundation": foundation,
  "0002_membership": membership,
  "0005_bulletin": bulletin,
};
