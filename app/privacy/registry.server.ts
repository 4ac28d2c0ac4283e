import { allFeatures } from "~/features.server";
import type { PersonalDataStep } from "./define";

/** Every feature's personal-data steps, in the order the features are listed. */
export function personalDataSteps(): PersonalDataStep[] {
  return allFeatures().flatMap((feature) => feature.personalData ?? []);
}
