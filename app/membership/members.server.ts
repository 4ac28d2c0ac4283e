import type { Kysely } from "kysely";
import type { DB, User } from "#db/schema";
import { db } from "~/db.server";
import type { PreferencesInput, ProfileInput } from "./profile-schema";

/** One address, one identity: trimmed and lower-cased before it is stored or compared. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(email: string, executor: Kysely<DB> = db()): Promise<User | undefined> {
  return executor.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export async function findUserById(id: number, executor: Kysely<DB> = db()): Promise<User | undefined> {
  return executor.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The users columns the profile questions set, on joining and on "Change your details". */
export function profileColumns(profile: Omit<ProfileInput, "workspaceInterests"> & { workspaceInterests?: readonly string[] }) {
  return {
    full_name: profile.fullName,
    organisation: profile.organisation,
    job_role: profile.jobRole,
    region: profile.region,
    icb_pcn: profile.icbPcn || null,
    workspace_interests_json: JSON.stringify(profile.workspaceInterests ?? []),
  };
}

/** The users columns for the two email consents, unticked unless given. */
export function consentColumns(consents: PreferencesInput): Pick<User, "bulletin_opt_in" | "events_opt_in"> {
  return { bulletin_opt_in: consents.bulletin ? 1 : 0, events_opt_in: consents.events ? 1 : 0 };
}
