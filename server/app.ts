import type { ServerBuild } from "@remix-run/node";
import { existsSync, readdirSync } from "node:fs";
import { constants as zlibConstants } from "node:zlib";
import compression from "compression";
import express, { type Express, type RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import type { Connect } from "vite";
import { remixHandler } from "./remix-handler";
import { formsOnly, limitDeclaredBodies } from "./request-limits";
import { sendPlainPage } from "./plain-page";
import { privateWhenSignedIn } from "./response-headers";
import { cspNonce, sameOriginWrites, securityHeaders } from "./security";
import { closeAfterResponseWhen } from "./shutdown";

/**
 * Brotli (quality 4, compression's default) with a 256 KB window instead of its default 4 MB: every
 * brotli response allocates state sized by the window, so 50 concurrent responses churned hundreds of MB
 * and the ceiling page fell from ~520 to ~240 req/s; with 256 KB it holds ~670. Pages are far smaller than
 * the window, so they compress the same.
 */
const COMPRESSION = { brotli: { params: { [zlibConstants.BROTLI_PARAM_LGWIN]: 18 } } };

export interface ServerAppOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  development: boolean;
  /** The public origin, for the same-origin check on writes. */
  appOrigin: string;
  https: boolean;
  /** Hosts whose video players a page may embed (RECORDING_EMBED_HOSTS); none by default. */
  frameHosts?: readonly string[];
  /** True once the server is stopping: responses then close their connections. */
  stopping: () => boolean;
  /** The Remix client build (fingerprinted assets and the copied public files). */
  clientDir: string;
  /** Vite's dev middleware in development, which serves the client files itself. */
  viteMiddleware?: Connect.Server;
}

/**
 * The portal's middleware stack in front of a Remix build: request log, compression, security headers,
 * request limits, static files and the Remix handler. server/index.ts serves the portal with it, and
 * the page benchmark serves its one-route "ceiling" app with the very same stack.
 */
export function createServerApp(options: ServerAppOptions): Express {
  const { development } = options;
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
  app.use(closeAfterResponseWhen(options.stopping));
  app.use(compression(COMPRESSION));
  app.use(cspNonce);
  app.use(securityHeaders({ development, https: options.https, frameHosts: options.frameHosts }));
  app.use(sameOriginWrites(options.appOrigin));
  app.use(formsOnly);
  app.use(noLegacyDataRequests);
  app.use(limitDeclaredBodies);

  if (options.viteMiddleware) {
    app.use(options.viteMiddleware);
    app.use(express.static("public", { maxAge: "1h" }));
  } else {
    // Fingerprinted build output never changes under the same name: cache it for a year.
    app.use("/assets", express.static(`${options.clientDir}/assets`, { immutable: true, maxAge: "1y" }));
    app.use(underNamesIn(options.clientDir, express.static(options.clientDir, { maxAge: "1h" })));
    app.use(underNamesIn("public", express.static("public", { maxAge: "1h" })));
  }
  app.use(privateWhenSignedIn);

  app.all(
    "*",
    remixHandler({
      build: options.build,
      mode: development ? "development" : "production",
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
    }),
  );
  return app;
}

/**
 * Remix v2 still answers its old data requests (`?_data=<route id>`) beside single fetch, which the
 * portal uses (`.data` URLs). The portal's pages never make them, and that old path cannot send what
 * single-fetch loaders return (a 500), so scanners that try them get a plain 404.
 */
const noLegacyDataRequests: RequestHandler = (req, res, next) => {
  if (req.query._data === undefined) return next();
  sendPlainPage(res, 404, "Page not found", "There is no page at this address.");
};

/**
 * Runs a static-file handler only for paths under the files and folders `dir` holds when the server
 * starts (e.g. /favicon.svg, /assets/…), so a page request never waits for a file lookup on disk.
 * Production serves a fixed build; development serves public/ unfiltered.
 */
function underNamesIn(dir: string, serve: RequestHandler): RequestHandler {
  const names = new Set(existsSync(dir) ? readdirSync(dir) : []);
  return (req, res, next) => {
    const first = req.path.split("/", 2)[1] ?? "";
    let name: string;
    try {
      name = decodeURIComponent(first);
    } catch {
      // A malformed escape: let the static handler answer it as it always has.
      return serve(req, res, next);
    }
    return names.has(name) ? serve(req, res, next) : next();
  };
}
