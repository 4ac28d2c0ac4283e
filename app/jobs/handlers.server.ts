import type { JobDefinition } from "./define.server";

/**
 * Every kind of background job the portal runs (each made with `defineJob`). Features add theirs here
 * (e.g. sending webinar joining links at 10:00 UK time on the day).
 */
export const jobHandlers: readonly JobDefinition[] = [];
