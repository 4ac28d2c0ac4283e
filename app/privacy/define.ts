import type { Kysely } from "kysely";
import type { DB, User } from "#db/schema";

/**
 * One part of what the portal holds about a member, registered by the feature that keeps it:
 * what "Download my data" shows of it, and what "Leave the network" does to it. A test fails when a
 * table that refers to a member is not covered by some step (tests/integration/privacy-registry.test.ts).
 */
export type PersonalDataStep = {
  /** Names the step in tests and in the leave page's list. */
  name: string;
  /** The tables this step covers that refer to a member. */
  tables: readonly string[];
  /** The member's part of these tables, as named sections of their download (keys are section names). */
  export: (executor: Kysely<DB>, member: User) => Promise<Record<string, unknown>>;
  /** What leaving does, as the leave page says it: "delete your webinar registrations". */
  onLeave: string;
} & (
  | {
      /** The data is deleted or stripped of anything personal, in the leaving transaction. */
      leave: "erase" | "anonymise";
      run: (trx: Kysely<DB>, member: User) => Promise<void>;
    }
  | {
      leave: "keep";
      /** Why it is kept (for the privacy notice and reviewers). */
      why: string;
    }
);
