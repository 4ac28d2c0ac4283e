import type { z } from "zod";
import type { Job } from "#db/schema";

/**
 * A kind of durable background job: its name (kept on the job's row), the zod schema of its payload,
 * and the handler. The worker parses each payload with the schema before the handler sees it, so a
 * handler never works on a payload of the wrong shape (for example one stored by an older version).
 */
export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  schema: Schema;
  // Method syntax, so a list of definitions with different payloads is one type (JobDefinition[]).
  handler(payload: z.output<Schema>, job: Job): Promise<void>;
}

export function defineJob<Schema extends z.ZodType>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  return definition;
}
