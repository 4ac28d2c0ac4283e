import type { ServerBuild } from "@remix-run/node";
import { createServerApp } from "./app";
import { loadPortalBuild, type PortalEntry } from "./portal-build";
import { closeServer, onStopSignal } from "./shutdown";

/**
 * The portal's HTTP server: the middleware stack of server/app.ts in front of the Remix app, and (unless
 * WORKER=off) the mail/job worker. Production runs it compiled (build/portal/server.js, see
 * server/start-server.ts); `npm run dev` runs this file with Vite. Configuration comes only from the
 * environment (see README); the app validates it at start.
 */
const development = process.env.NODE_ENV !== "production";

async function loadBuild() {
  if (!development) {
    const { build, entry } = await loadPortalBuild();
    // The build itself, not a function returning it: given a function, Remix rebuilds its route
    // tables and request handler on every request (it expects a new build each time in development).
    return { build, entry, vite: undefined };
  }
  const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
  const load = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  const first = await load();
  return { build: load, entry: first.entry.module as unknown as PortalEntry, vite };
}

async function main() {
  const { build, entry, vite } = await loadBuild();
  const runtime = await entry.startPortalRuntime("web");
  const settings = runtime.config;
  const https = settings.appUrl.protocol === "https:";
  let stopping = false;

  const app = createServerApp({
    build,
    development,
    appOrigin: settings.appUrl.origin,
    https,
    stopping: () => stopping,
    clientDir: "build/client",
    viteMiddleware: vite?.middlewares,
  });

  const server = app.listen(settings.port, () => {
    console.log(`Social Prescribing Network portal on ${settings.appUrl.origin} (port ${settings.port})`);
    if (settings.mailCapture) console.log(`Email is captured, not sent: read it at ${settings.appUrl.origin}/dev/mail`);
  });

  // Stop taking requests, let those under way finish, then stop the worker and close the database.
  onStopSignal(async (signal) => {
    stopping = true;
    console.log(`${signal} received: finishing requests and work in flight`);
    await closeServer(server);
    await runtime.stop();
    await vite?.close();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
