import { bulletinJobHandlers } from "~/bulletin/jobs.server";
import type { JobHandlers } from "./jobs.server";

/**
 * Every kind of background job the portal runs, by name. Features add their handlers here
 * (e.g. sending webinar joining links at 10:00 UK time on the day).
 */
export const jobHandlers: JobHandlers = { ...bulletinJobHandlers };
