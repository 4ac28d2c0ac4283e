/**
 * The portal's mail and job worker on its own, for tests that kill it (`kill -9`) mid-send and start
 * it again. Environment: DATABASE_PATH, SMTP_URL, and CLOCK_OFFSET_MS to start "later" (so leases a
 * killed worker held have run out, as they would have after a real restart). Prints "ready" once polling.
 */
const { testClock } = await import("~/clock.server");
testClock.advance(Number(process.env.CLOCK_OFFSET_MS ?? 0));
const { db } = await import("~/db.server");
const { jobHandlers } = await import("~/jobs/handlers.server");
const { startWorker } = await import("~/jobs/worker.server");
const { createMailTransport } = await import("~/mail/transport.server");

startWorker({ db: db(), transport: createMailTransport(process.env.SMTP_URL), handlers: jobHandlers, pollMs: 50 });
console.log("ready");
