import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { pinoHttp } from "pino-http";
import { cspNonce, sameOriginWrites, securityHeaders } from "./security";

/**
 * The portal's HTTP server: security headers, static files, the Remix app, and the mail/job worker.
 * Configuration comes only from the environment (see README); the app validates it at start.
 */
const development = process.env.NODE_ENV !== "production";

type PortalEntry = { startPortalRuntime: () => Promise<import("../app/runtime.server").PortalRuntime> };

async function loadBuild() {
  if (!development) {
    const buildPath = new URL("../build/server/index.js", import.meta.url).href;
    const build = (await import(buildPath)) as ServerBuild;
    return { build: async () => build, entry: build.entry.module as unknown as PortalEntry, vite: undefined };
  }
  const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
  const load = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  const first = await load();
  return { build: load, entry: first.entry.module as unknown as PortalEntry, vite };
}

async function main() {
  const { build, entry, vite } = await loadBuild();
  const runtime = await entry.startPortalRuntime();
  const settings = runtime.config;
  const https = settings.appUrl.protocol === "https:";

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
  app.use(compression());
  app.use(cspNonce);
  app.use(securityHeaders({ development, https }));
  app.use(sameOriginWrites(settings.appUrl.origin));

  if (vite) {
    app.use(vite.middlewares);
  } else {
    // Fingerprinted build output never changes under the same name: cache it for a year.
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(express.static("build/client", { maxAge: "1h" }));
  }
  app.use(express.static("public", { maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: development ? "development" : "production",
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
    }),
  );

  const server = app.listen(settings.port, () => {
    console.log(`Social Prescribing Network portal on ${settings.appUrl.origin} (port ${settings.port})`);
    if (settings.mailCapture) console.log(`Email is captured, not sent: read it at ${settings.appUrl.origin}/dev/mail`);
  });

  let closing = false;
  async function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    console.log(`${signal} received: finishing in-flight work`);
    server.close();
    server.closeIdleConnections();
    await runtime.stop();
    await vite?.close();
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
