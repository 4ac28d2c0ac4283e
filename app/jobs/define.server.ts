import { TZDate } from "@date-fns/tz";
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
  /**
   * For work that recurs (a daily digest): when it should next run after a moment. The worker keeps
   * one run scheduled ahead (see scheduleRepeats), each with the payload `{}`.
   */
  repeat?(after: Date): Date;
}

export function defineJob<Schema extends z.ZodType>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  return definition;
}

/** A `repeat` for once a day at a UK wall-clock time (GMT or BST as the date requires). */
export function dailyAtUkTime(hour: number, minute = 0): (after: Date) => Date {
  return (after) => {
    const uk = new TZDate(after.getTime(), "Europe/London");
    const today = new TZDate(uk.getFullYear(), uk.getMonth(), uk.getDate(), hour, minute, 0, "Europe/London");
    if (today.getTime() > after.getTime()) return new Date(today.getTime());
    return new Date(new TZDate(uk.getFullYear(), uk.getMonth(), uk.getDate() + 1, hour, minute, 0, "Europe/London").getTime());
  };
}
