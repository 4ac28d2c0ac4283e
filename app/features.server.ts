import { auditFeature } from "~/audit/feature.server";
import { bulletinFeature } from "~/bulletin/feature.server";
import { authFeature } from "~/auth/feature.server";
import type { Feature } from "~/feature";
import { mailFeature } from "~/mail/feature.server";
import { membershipFeature } from "~/membership/feature.server";
import { privacyFeature } from "~/privacy/feature.server";
import { workspacesFeature } from "~/workspaces/feature.server";
import { webinarsFeature } from "~/webinars/feature.server";
import { recordingsFeature } from "~/recordings/feature.server";

/**
 * The registry: every shared layer and feature, each once. A new feature adds one line here and
 * nothing else outside its folder: the audit log, "Download my data", "Leave the network", the
 * worker's jobs and the demo seed all read this list.
 *
 * Order matters in two places: "Download my data" shows sections in this order, and leaving runs
 * the personal-data steps in reverse (a feature's data goes before the membership it hangs on).
 * A function, not a constant, so modules that the features themselves import can read it without
 * an import cycle at load time.
 */
export function allFeatures(): readonly Feature[] {
  return [membershipFeature, authFeature, mailFeature, auditFeature, privacyFeature, workspacesFeature, webinarsFeature, bulletinFeature, recordingsFeature];
}
