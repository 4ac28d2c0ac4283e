import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { logger } from "~/logger.server";
import { deliverDueEmails } from "~/mail/delivery.server";
import type { MailTransport } from "~/mail/transport.server";
import { runDueJobs, type JobHandlers } from "./jobs.server";

export interface Worker {
  /** Finishes the message or job in flight, releases the rest, and resolves when idle. */
  stop(): Promise<void>;
}

/** Polls the outbox and the jobs table in the server process until stopped. */
export function startWorker(options: {
  db: Kysely<DB>;
  transport: MailTransport;
  handlers: JobHandlers;
  pollMs?: number;
}): Worker {
  const pollMs = options.pollMs ?? 1_000;
  const stopping = new AbortController();

  async function loop() {
    while (!stopping.signal.aborted) {
      try {
        const mail = await deliverDueEmails(options.db, options.transport, { signal: stopping.signal });
        const jobs = await runDueJobs(options.db, options.handlers, { signal: stopping.signal });
        // A full batch suggests more is waiting: go round again at once.
        if (mail.sent + mail.retrying + mail.failed + jobs.done + jobs.retrying + jobs.failed > 0) continue;
      } catch (error) {
        logger.error({ err: error }, "worker pass failed");
      }
      await sleep(pollMs, undefined, { signal: stopping.signal }).catch(() => undefined);
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
