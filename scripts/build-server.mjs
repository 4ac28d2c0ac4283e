// Compiles the web server and the worker for production (build/portal/server.js and worker.js), so they
// run with plain node: no TypeScript compiled at start, and signals reach the server itself.
// Packages stay external (resolved from node_modules); the app itself is the Remix build in build/server.
// Split into chunks so each entry sets NODE_ENV before the modules that read it are loaded.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("build/portal", { recursive: true, force: true });
await build({
  entryPoints: { server: "server/start-server.ts", worker: "server/start-worker.ts" },
  outdir: "build/portal",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
