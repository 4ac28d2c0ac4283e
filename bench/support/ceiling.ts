import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, parse } from "node:path";
import { build } from "esbuild";

/**
 * The framework ceilings the page benchmark compares pages with, both served by the portal's own server
 * stack (bench/ceiling/server.ts on server/app.ts), compiled and run with plain node:
 *  - "one": bench/ceiling/app, one trivial route: the best any Remix page can do on this stack;
 *  - "routes": the same app with a trivial route file for every file in app/routes (same names, so the
 *    same route table, generated at each run so new features' routes count): what Remix itself costs a
 *    page of the portal with its number of routes, before any of the portal's own work. Its
 *    /admin/members is the third ceiling: the members list's markup from fixed data, what rendering a
 *    table page of that size costs Remix and React alone.
 */
export const CEILING_SERVER = "build/bench-ceiling/server.js";
export const CEILING_BUILDS = { one: "build/bench-ceiling/one", routes: "build/bench-ceiling/routes" } as const;
const ROUTES_APP = "build/bench-ceiling/routes-app";

let built: Promise<number> | undefined;

/** Builds both ceiling apps and their server once per process; resolves to the number of routes in the second. */
export function buildCeilings(): Promise<number> {
  built ??= (async () => {
    const started = performance.now();
    rmSync("build/bench-ceiling", { recursive: true, force: true });
    const routes = writeRouteTableApp();
    viteBuild("bench/ceiling/app", CEILING_BUILDS.one);
    viteBuild(ROUTES_APP, CEILING_BUILDS.routes);
    // Compiled exactly as scripts/build-server.mjs compiles the portal's server.
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
    console.log(`built the ceiling apps (1 route and ${routes} routes) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return routes;
  })();
  return built;
}

/** The portal route whose namesake in the route-table app renders the members list's markup from fixed data. */
const TABLE_PAGE_ROUTE = "admin.members._index";
/** Where the route-table ceiling app serves that page. */
export const TABLE_PAGE_PATH = "/admin/members";

/**
 * The ceiling app plus one trivial module for each of the portal's route files, except the members
 * list's, which renders that page's markup from fixed data (bench/ceiling/pages/members-table.tsx);
 * returns how many routes it has.
 */
function writeRouteTableApp(): number {
  cpSync("bench/ceiling/app", ROUTES_APP, { recursive: true });
  const names = readdirSync("app/routes").map((file) => parse(file).name);
  mkdirSync(join(ROUTES_APP, "routes"), { recursive: true });
  for (const name of names) {
    if (name === "_index") continue;
    if (name === TABLE_PAGE_ROUTE) cpSync("bench/ceiling/pages/members-table.tsx", join(ROUTES_APP, "routes", `${name}.tsx`));
    else writeFileSync(join(ROUTES_APP, "routes", `${name}.tsx`), `export default function Route() {\n  return <p>${JSON.stringify(name)}</p>;\n}\n`);
  }
  return new Set([...names, "_index"]).size;
}

function viteBuild(appDirectory: string, buildDirectory: string): void {
  try {
    execFileSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build", "--config", "bench/ceiling/vite.config.ts"], {
      stdio: "pipe",
      env: { ...process.env, NODE_ENV: "production", CEILING_APP: appDirectory, CEILING_BUILD: buildDirectory },
    });
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`the ceiling app did not build:\n${output.stdout?.toString() ?? ""}${output.stderr?.toString() ?? ""}`);
  }
}
