import { loadPortalBuild } from "./portal-build";
import { onStopSignal } from "./shutdown";

/**
 * The mail and job worker on its own (`npm run worker`, compiled to build/portal/worker.js), for a web
 * server started with WORKER=off: a bulk send then never competes with page responses for the CPU.
 * Same environment as the web server; SIGTERM finishes what is in flight and releases the rest.
 */
async function main() {
  const { entry } = await loadPortalBuild();
  const runtime = await entry.startPortalRuntime("worker");
  console.log(`Social Prescribing Network worker: delivering email and running jobs from ${runtime.config.databasePath}`);
  onStopSignal(async (signal) => {
    console.log(`${signal} received: finishing the email or job in flight`);
    await runtime.stop();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
