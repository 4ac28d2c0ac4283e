import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB, Job } from "#db/schema";
import { now } from "~/clock.server";
import { leaseDueRows, releaseLeases, retryDelayMs } from "~/lib/leases.server";
import { logger } from "~/logger.server";
import type { JobDefinition } from "./define.server";

const LEASE_MS = 10 * 60_000;

export interface ScheduleJobOptions {
  runAt: Date;
  /** Scheduling twice with the same key keeps the first job (idempotent scheduling). */
  uniqueKey?: string;
  maxAttempts?: number;
}

/**
 * Schedules durable work; pass the transaction of the change that needs it. The payload is checked
 * against the job's schema now, so a wrong one fails the change at once instead of the job later.
 */
export async function scheduleJob<Schema extends z.ZodType>(
  executor: Kysely<DB>,
  job: JobDefinition<Schema>,
  payload: z.input<Schema>,
  options: ScheduleJobOptions,
): Promise<void> {
  job.schema.parse(payload);
  await executor
    .insertInto("jobs")
    .values({
      kind: job.name,
      payload_json: JSON.stringify(payload),
      unique_key: options.uniqueKey ?? null,
      state: "pending",
      run_at: options.runAt.toISOString(),
      max_attempts: options.maxAttempts ?? 5,
      created_at: now().toISOString(),
    })
    .onConflict((oc) => oc.column("unique_key").doNothing())
    .execute();
}

/**
 * Keeps the next run of every repeating job scheduled (idempotent: the run's time is in its unique key,
 * so workers starting together or a restart schedule it once). The worker calls this when it starts and
 * after running jobs.
 */
export async function scheduleRepeats(db: Kysely<DB>, jobs: readonly JobDefinition[]): Promise<void> {
  for (const job of jobs) {
    if (!job.repeat) continue;
    const runAt = job.repeat(now());
    await scheduleJob(db, job, {}, { runAt, uniqueKey: `${job.name}@${runAt.toISOString()}` });
  }
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

/** A payload that does not fit its job's schema: running it again cannot help. */
class UnusablePayloadError extends Error {}

function parsePayload(definition: JobDefinition, job: Job): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(job.payload_json);
  } catch {
    throw new UnusablePayloadError(`The payload of job "${job.kind}" is not JSON`);
  }
  const parsed = definition.schema.safeParse(raw);
  if (!parsed.success) throw new UnusablePayloadError(`The payload does not fit job "${job.kind}": ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The definitions by name; two with one name would make it a matter of chance which runs. */
export function jobsByName(jobs: readonly JobDefinition[]): Map<string, JobDefinition> {
  const byName = new Map<string, JobDefinition>();
  for (const job of jobs) {
    if (byName.has(job.name)) throw new Error(`Two job definitions are named "${job.name}"`);
    byName.set(job.name, job);
  }
  return byName;
}

export interface JobRunResult {
  done: number;
  retrying: number;
  failed: number;
}

/**
 * Runs due jobs with their definitions; failures are retried with backoff up to the job's limit, except
 * a payload that does not fit the job's schema, which fails at once.
 */
export async function runDueJobs(
  db: Kysely<DB>,
  jobs: readonly JobDefinition[],
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<JobRunResult> {
  const definitions = jobsByName(jobs);
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
      const definition = definitions.get(job.kind);
      if (!definition) throw new Error(`No handler for job kind "${job.kind}"`);
      await definition.handler(parsePayload(definition, job), job);
      await db
        .updateTable("jobs")
        .set({ state: "done", attempts, finished_at: now().toISOString(), locked_until: null, last_error: null })
        .where("id", "=", job.id)
        .execute();
      result.done += 1;
    } catch (error) {
      const lastError = error instanceof Error ? error.message : String(error);
      const giveUp = error instanceof UnusablePayloadError || attempts >= job.max_attempts;
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
