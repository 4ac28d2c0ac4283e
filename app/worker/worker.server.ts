import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import type { JobDefinition } from "~/jobs/define.server";
import { jobsByName, runDueJobs, scheduleRepeats } from "~/jobs/jobs.server";
import { logger } from "~/logger.server";
import { deliverDueEmails, type PermanentFailureHandler } from "~/mail/delivery.server";
import type { MailTransport } from "~/mail/transport.server";

export interface Worker {
  /** Finishes the messages and job in flight, releases the rest, and resolves when idle. */
  stop(): Promise<void>;
}

/**
 * Polls the outbox and the jobs table until stopped: delivers email (as many at once as the transport's
 * pool has connections) and runs due jobs with their definitions.
 */
export function startWorker(options: {
  db: Kysely<DB>;
  transport: MailTransport;
  jobs: readonly JobDefinition[];
  /** Told of each email refused for good (see PermanentFailureHandler). */
  onPermanentFailure?: readonly PermanentFailureHandler[];
  pollMs?: number;
}): Worker {
  // Checked now, so two jobs with one name stop the start instead of failing every pass.
  jobsByName(options.jobs);
  const pollMs = options.pollMs ?? 1_000;
  const stopping = new AbortController();
  const { signal } = stopping;

  async function loop() {
    let repeatsDue = true;
    while (!signal.aborted) {
      try {
        if (repeatsDue) await scheduleRepeats(options.db, options.jobs);
        const mail = await deliverDueEmails(options.db, options.transport, { signal, onPermanentFailure: options.onPermanentFailure });
        const jobs = await runDueJobs(options.db, options.jobs, { signal });
        repeatsDue = jobs.done + jobs.failed > 0;
        // Work done suggests more is waiting: go round again at once.
        const handled = mail.sent + mail.retrying + mail.failed + mail.expired + jobs.done + jobs.retrying + jobs.failed;
        if (handled > 0) continue;
      } catch (error) {
        logger.error({ err: error }, "worker pass failed");
      }
      await sleep(pollMs, undefined, { signal }).catch(() => undefined);
    }
  }

  const running = loop();
  return {
    async stop() {
      stopping.abort();
      await running;
    },
  };
}
