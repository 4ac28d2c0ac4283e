import type { Database } from "#db/database";
import type { AuditCatalogue } from "~/audit/define";
import type { JobDefinition } from "~/jobs/define.server";
import type { PermanentFailureHandler } from "~/mail/delivery.server";
import type { PersonalDataStep } from "~/privacy/define";

/**
 * What a feature (or a shared layer) plugs into the portal's registries. A feature lists itself once
 * in app/features.server.ts; the audit log, "Download my data", "Leave the network", the worker
 * (jobs, permanent email failures) and the demo seed find everything through that list and never name a feature's tables themselves.
 */
export interface Feature {
  /** Short name, e.g. "webinars", for logs and tests. */
  name: string;
  /** The audit actions its entries use, and how they read. */
  audit?: AuditCatalogue;
  /** Every table it keeps that refers to a member: what the member downloads and what leaving does. */
  personalData?: readonly PersonalDataStep[];
  /** The background jobs it schedules (made with `defineJob`); the worker runs them. */
  jobs?: readonly JobDefinition[];
  /** Told, in the failure's transaction, when an email is refused for good (an SMTP 5xx). */
  onPermanentEmailFailure?: PermanentFailureHandler;
  /**
   * Adds the feature's fictional demo data, skipping what is already there. Returns a short summary
   * such as "3 webinars", or "" when nothing was added.
   */
  seedDemo?: (database: Database) => Promise<string>;
}

export function defineFeature<const F extends Feature>(feature: F): F {
  return feature;
}
