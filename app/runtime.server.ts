import { migrateToLatest } from "#db/database";
import { config, type Config } from "~/config.server";
import { loadContent } from "~/content/content.server";
import { closeDb, db } from "~/db.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { logger } from "~/logger.server";
import { permanentFailureHandlers } from "~/mail/failure-handlers.server";
import { createMailTransport } from "~/mail/transport.server";
import { startWorker } from "~/worker/worker.server";

export interface PortalRuntime {
  config: Config;
  stop(): Promise<void>;
}

/**
 * Applies migrations and starts what the process runs: "web" serves pages and, unless WORKER=off, runs
 * the mail and job worker too (the default single process); "worker" runs only the worker
 * (`npm run worker`). `stop` drains the worker and closes the database.
 */
export async function startPortalRuntime(role: "web" | "worker" = "web"): Promise<PortalRuntime> {
  const settings = config();
  const applied = await migrateToLatest(db());
  if (applied.length) logger.info({ applied }, "migrations applied");
  if (role === "web") {
    // Compile the FAQ and guidance now so the first visitor does not wait for it (and bad content stops the start).
    await loadContent();
    if (!settings.worker) {
      logger.info({ database: settings.databasePath }, "worker off (WORKER=off): email and jobs wait for `npm run worker`");
      return { config: settings, stop: closeDb };
    }
  }
  const transport = createMailTransport(settings.smtpUrl, { connections: settings.mailConcurrency });
  const worker = startWorker({ db: db(), transport, jobs: jobHandlers(), onPermanentFailure: permanentFailureHandlers() });
  logger.info({ mail: transport.kind, database: settings.databasePath }, "worker started");
  return {
    config: settings,
    async stop() {
      await worker.stop();
      transport.close();
      await closeDb();
    },
  };
}
