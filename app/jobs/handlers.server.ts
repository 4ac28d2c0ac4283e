import { allFeatures } from "~/features.server";
import type { JobDefinition } from "./define.server";

/** Every kind of background job the portal runs: each feature's `jobs` (see app/features.server.ts). */
export function jobHandlers(): readonly JobDefinition[] {
  return allFeatures().flatMap((feature) => feature.jobs ?? []);
}
