import { testClock } from "~/clock.server";
import { db } from "~/db.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { permanentFailureHandlers } from "~/mail/failure-handlers.server";
import { createMailTransport } from "~/mail/transport.server";
import { startWorker } from "~/worker/worker.server";

/**
 * The portal's mail and job worker on its own, for tests that kill it (`kill -9`) mid-send and start
 * it again. Environment: DATABASE_PATH, SMTP_URL, and CLOCK_OFFSET_MS to start "later" (so leases a
 * killed worker held have run out, as they would have after a real restart). Prints "ready" once polling.
 */
testClock.advance(Number(process.env.CLOCK_OFFSET_MS ?? 0));
const transport = createMailTransport(process.env.SMTP_URL, { dkim: undefined });
startWorker({ db: db(), transport, jobs: jobHandlers(), onPermanentFailure: permanentFailureHandlers(), pollMs: 50 });
console.log("ready");
