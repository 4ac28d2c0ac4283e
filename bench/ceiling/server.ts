import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createServerApp } from "../../server/app";

/**
 * A ceiling app behind the portal's own middleware stack (server/app.ts), compiled by the harness
 * to build/bench-ceiling/server.js and run with plain node, as the portal's server is. CEILING_BUILD
 * names the ceiling build to serve (see bench/support/ceiling.ts).
 */
const port = Number(process.env.PORT ?? 5202);
const buildDirectory = process.env.CEILING_BUILD ?? "build/bench-ceiling/one";
const build = (await import(pathToFileURL(resolve(buildDirectory, "server/index.js")).href)) as ServerBuild;
const app = createServerApp({
  build,
  development: false,
  appOrigin: `http://localhost:${port}`,
  https: false,
  stopping: () => false,
  clientDir: `${buildDirectory}/client`,
});
const server = app.listen(port, () => console.log(`ceiling app on port ${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
