import type { Kysely } from "kysely";
import type { DB, Job } from "#db/schema";
import { now } from "~/clock.server";
import { logger } from "~/logger.server";
import { leaseDueRows, releaseLeases, retryDelayMs } from "./lease.server";

export type JobHandler = (payload: unknown, job: Job) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

const LEASE_MS = 10 * 60_000;

export interface ScheduleJobRequest {
  kind: string;
  payload?: unknown;
  runAt: Date;
  /** Scheduling twice with the same key keeps the first job (idempotent scheduling). */
  uniqueKey?: string;
  maxAttempts?: number;
}

/** Schedules durable work; pass the transaction of the change that needs it. */
export async function scheduleJob(executor: Kysely<DB>, request: ScheduleJobRequest): Promise<void> {
  await executor
    .insertInto("jobs")
    .values({
      kind: request.kind,
      payload_json: JSON.stringify(request.payload ?? {}),
      unique_key: request.uniqueKey ?? null,
      state: "pending",
      run_at: request.runAt.toISOString(),
      max_attempts: request.maxAttempts ?? 5,
      created_at: now().toISOString(),
    })
    .onConflict((oc) => oc.column("unique_key").doNothing())
    .execute();
}

/** Due jobs not held by another worker, earliest due first. */
function claimDueJobs(db: Kysely<DB>, limit: number): Promise<Job[]> {
  return leaseDueRows(db, "jobs", LEASE_MS, async (trx, nowIso) => {
    const due = await trx
      .selectFrom("jobs")
      .select("id")
      .where("state", "=", "pending")
      .where("run_at", "<=", nowIso)
      .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", nowIso)]))
      .orderBy("run_at")
      .limit(limit)
      .execute();
    return due.map((row) => row.id);
  });
}

export interface JobRunResult {
  done: number;
  retrying: number;
  failed: number;
}

/** Runs due jobs with their handlers; failures are retried with backoff up to the job's limit. */
export async function runDueJobs(
  db: Kysely<DB>,
  handlers: JobHandlers,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<JobRunResult> {
  const result: JobRunResult = { done: 0, retrying: 0, failed: 0 };
  const batch = await claimDueJobs(db, options.batchSize ?? 10);
  for (const [index, job] of batch.entries()) {
    if (options.signal?.aborted) {
      await releaseLeases(
        db,
        "jobs",
        batch.slice(index).map((j) => j.id),
      );
      break;
    }
    const attempts = job.attempts + 1;
    try {
      const handler = handlers[job.kind];
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      await handler(JSON.parse(job.payload_json), job);
      await db
        .updateTable("jobs")
        .set({ state: "done", attempts, finished_at: now().toISOString(), locked_until: null, last_error: null })
        .where("id", "=", job.id)
        .execute();
      result.done += 1;
    } catch (error) {
      const lastError = error instanceof Error ? error.message : String(error);
      const giveUp = attempts >= job.max_attempts;
      await db
        .updateTable("jobs")
        .set({
          state: giveUp ? "failed" : "pending",
          attempts,
          last_error: lastError.slice(0, 2000),
          locked_until: null,
          run_at: giveUp ? job.run_at : new Date(now().getTime() + retryDelayMs(attempts)).toISOString(),
          finished_at: giveUp ? now().toISOString() : null,
        })
        .where("id", "=", job.id)
        .execute();
      if (giveUp) result.failed += 1;
      else result.retrying += 1;
      logger.warn({ jobId: job.id, kind: job.kind, attempts, giveUp, err: lastError }, "job failed");
    }
  }
  return result;
}
