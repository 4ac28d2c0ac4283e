import { execFileSync } from "node:child_process";
import { build } from "esbuild";

/** The ceiling app's compiled server, run with plain node like build/portal/server.js. */
export const CEILING_SERVER = "build/bench-ceiling/server.js";

let built: Promise<void> | undefined;

/**
 * Builds bench/ceiling (its Remix app with Vite, then its server with esbuild exactly as
 * scripts/build-server.mjs compiles the portal's), once per process.
 */
export function buildCeiling(): Promise<void> {
  built ??= (async () => {
    const started = performance.now();
    try {
      execFileSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build", "--config", "bench/ceiling/vite.config.ts"], {
        stdio: "pipe",
        env: { ...process.env, NODE_ENV: "production" },
      });
    } catch (error) {
      const output = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`the ceiling app did not build:\n${output.stdout?.toString() ?? ""}${output.stderr?.toString() ?? ""}`);
    }
    await build({
      entryPoints: { server: "bench/ceiling/server.ts" },
      outdir: "build/bench-ceiling",
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      logLevel: "warning",
    });
    console.log(`built the ceiling app in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  })();
  return built;
}
