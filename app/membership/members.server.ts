import type { User } from "#db/schema";
import { JOB_ROLES, labelFor, REGIONS, WORKSPACE_INTERESTS } from "./profile-options";
import type { PreferencesInput, ProfileInput } from "./profile-schema";

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

/** The workspace interests stored as JSON, as a list. */
export function parseInterests(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string") : [];
}

/** A member's job role, region and workspace interests in words, for their account page and staff. */
export function profileLabels(user: Pick<User, "job_role" | "region" | "workspace_interests_json">) {
  return {
    jobRole: labelFor(JOB_ROLES, user.job_role),
    region: labelFor(REGIONS, user.region),
    interests: parseInterests(user.workspace_interests_json).map((slug) => labelFor(WORKSPACE_INTERESTS, slug)),
  };
}

/** The users columns for the two email consents, unticked unless given. */
export function consentColumns(consents: PreferencesInput): Pick<User, "bulletin_opt_in" | "events_opt_in"> {
  return { bulletin_opt_in: consents.bulletin ? 1 : 0, events_opt_in: consents.events ? 1 : 0 };
}
