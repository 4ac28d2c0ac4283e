import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { personalDataSteps } from "./registry.server";

/**
 * Everything the portal holds about a member, for "Download my data" (a subject access copy):
 * each feature's part, from the personal-data registry.
 */
export async function exportMemberData(userId: number): Promise<MemberDataExport> {
  const database = db();
  const member = await database.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
  const sections: Record<string, unknown> = {};
  for (const step of personalDataSteps()) Object.assign(sections, await step.export(database, member));
  return {
    exportedAt: nowIso(),
    about: "Everything the Social Prescribing Network portal holds about you. Times are UTC.",
    ...sections,
  };
}

/** The download: when and what, then each feature's sections by name (see the features' personal-data steps). */
export type MemberDataExport = { exportedAt: string; about: string } & Record<string, unknown>;
