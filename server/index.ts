import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { pinoHttp } from "pino-http";
import { loadPortalBuild, type PortalEntry } from "./portal-build";
import { remixHandler } from "./remix-handler";
import { formsOnly, limitDeclaredBodies } from "./request-limits";
import { privateWhenSignedIn } from "./response-headers";
import { cspNonce, sameOriginWrites, securityHeaders } from "./security";
import { closeAfterResponseWhen, closeServer, onStopSignal } from "./shutdown";

/**
 * The portal's HTTP server: security headers, request limits, static files, the Remix app, and (unless
 * WORKER=off) the mail/job worker. Production runs it compiled (build/portal/server.js, see
 * server/start-server.ts); `npm run dev` runs this file with Vite. Configuration comes only from the
 * environment (see README); the app validates it at start.
 */
const development = process.env.NODE_ENV !== "production";

async function loadBuild() {
  if (!development) {
    const { build, entry } = await loadPortalBuild();
    return { build: async () => build, entry, vite: undefined };
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

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY ?? "loopback");
  app.use(
    pinoHttp({
      autoLogging: { ignore: (req) => req.url === "/healthz" },
      // One short line a request: no headers, so no cookies or tokens reach the logs.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split("?")[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(closeAfterResponseWhen(() => stopping));
  app.use(compression());
  app.use(cspNonce);
  app.use(securityHeaders({ development, https }));
  app.use(sameOriginWrites(settings.appUrl.origin));
  app.use(formsOnly);
  app.use(limitDeclaredBodies);

  if (vite) {
    app.use(vite.middlewares);
  } else {
    // Fingerprinted build output never changes under the same name: cache it for a year.
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(express.static("build/client", { maxAge: "1h" }));
  }
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(privateWhenSignedIn);

  app.all(
    "*",
    remixHandler({
      build,
      mode: development ? "development" : "production",
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
    }),
  );

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
