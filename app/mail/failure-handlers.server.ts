import { allFeatures } from "~/features.server";
import type { PermanentFailureHandler } from "./delivery.server";

/**
 * Everything told when an email is refused for good (an SMTP 5xx): each feature's
 * `onPermanentEmailFailure` (e.g. the bulletin marks the address as bouncing).
 */
export function permanentFailureHandlers(): readonly PermanentFailureHandler[] {
  return allFeatures().flatMap((feature) => (feature.onPermanentEmailFailure ? [feature.onPermanentEmailFailure] : []));
}
