import { spawn, type ChildProcess } from "node:child_process";
import { cpus } from "node:os";
import { existsSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { buildCeilings, CEILING_BUILDS, CEILING_SERVER, TABLE_PAGE_PATH } from "./ceiling";
import { seedNetwork } from "./seed";

/**
 * The page load benchmark that every feature reuses. One call:
 *  1. seeds a fresh SQLite file through the app's own modules (demo data, a 20,000-member network, then
 *     the scenario's own `seed`) and makes a session for every `signedInAs` member;
 *  2. starts the production build as operators do (`node build/portal/server.js`, production settings,
 *     request log on) and two "ceiling" apps behind the same server stack (server/app.ts), each with
 *     plain node: bench/ceiling with one trivial Remix route, and the same app with a trivial route for
 *     each of the portal's route files (see ./ceiling.ts), whose /admin/members renders the members
 *     list's markup from fixed data: the best a table page of that size can do on this stack;
 *  3. warms the servers up (every page and ceiling at 10 connections for `warmUpSeconds`), then loads each
 *     page with autocannon at 10 and 50 connections (after a warm-up of its own; the ceilings before and
 *     after the pages) and prints req/s, p50/p95/p99 latency and errors, then a markdown table for the
 *     README with the ratios to both ceilings.
 *     The first ratio is the one the targets use; the second separates what Remix costs for the
 *     portal's number of routes from what the page itself does.
 *
 * A feature adds a scenario as a small file in bench/ (run-all runs every bench/*.ts):
 *
 *     import { runPageBench } from "./support/page-bench";
 *     await runPageBench({
 *       name: "webinars",
 *       seed: async (database) => { await seedWebinars(database, 200); return "200 webinars"; },
 *       pages: [
 *         { label: "webinar list", path: "/webinars" },
 *         { label: "one webinar, signed in", path: "/webinars/12", signedInAs: "member" },
 *       ],
 *     });
 *
 * BENCH_SECONDS, BENCH_WARMUP, BENCH_CONNECTIONS (e.g. "10"), BENCH_ONLY (label words, e.g. "home,faq"),
 * BENCH_MEMBERS and BENCH_PORT adjust a run; BENCH_CPU_PROF=<folder> runs both servers with `node --cpu-prof` into that folder.
 *
 * Figures are printed, never asserted. Errors (a page answering other than `status`, refused or timed
 * out requests, a server that does not start) set a non-zero exit code.
 */

export interface BenchPage {
  label: string;
  /** Path and query, e.g. "/faq?q=joining+link". */
  path: string;
  /** Request as this member: "member" (demo.member), "admin" (demo.admin) or the email of a member the seed added. */
  signedInAs?: "member" | "admin" | (string & {});
  /** The status the page answers with; anything else counts as an error. 200 unless said. */
  status?: number;
}

export interface PageBenchOptions {
  /** Shown in the output's headings. */
  name: string;
  /** The pages to load; `seed` may still add to this array (paths that need the seeded data's ids). */
  pages: BenchPage[];
  /** Adds the scenario's own data after the base data; returns a short summary such as "200 webinars". */
  seed?: (database: import("~/db.server").Database) => Promise<string | void>;
  /** Members in the base data; 20,000 unless said (BENCH_MEMBERS overrides). */
  members?: number;
  /** Concurrent connections to load each page with. */
  connections?: number[];
  /** Seconds of load for each page at each level, after a 1-second warm-up (BENCH_SECONDS overrides). */
  seconds?: number;
  /** Seconds each page and ceiling is loaded at 10 connections before anything is measured, 3 unless said;
   *  0 skips it (BENCH_WARMUP overrides). */
  warmUpSeconds?: number;
}

export interface PageFigures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Requests per second as a share of the one-route ceiling's at the same connections. */
  ratio: number;
  /** The same, against the ceiling app with the portal's route table. */
  routesRatio: number;
}

export interface PageResult {
  label: string;
  path: string;
  byConnections: Map<number, PageFigures>;
}

export const SESSION_SECRET = "page-benchmark-session-secret-0123456789";
const DEMO_EMAILS = { member: "demo.member@nhs.net", admin: "demo.admin@nhs.net" } as const;
const CHROME_HEADERS = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br",
  "accept-language": "en-GB,en;q=0.9",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
};

const basePort = Number(process.env.BENCH_PORT ?? 5201);
let runs = 0;

export async function runPageBench(options: PageBenchOptions): Promise<PageResult[]> {
  // Each call in a process gets its own ports; the app's configuration is read once per process, so one database too.
  const portalPort = basePort + runs * 3;
  const ceilingPorts = { one: portalPort + 1, routes: portalPort + 2 };
  runs += 1;
  const connections = process.env.BENCH_CONNECTIONS?.split(",").map(Number) ?? options.connections ?? [10, 50];
  const seconds = Number(process.env.BENCH_SECONDS ?? options.seconds ?? 5);
  const warmUpSeconds = Number(process.env.BENCH_WARMUP ?? options.warmUpSeconds ?? 3);
  if (!(warmUpSeconds >= 0)) throw new Error(`BENCH_WARMUP must be a number of seconds, not "${process.env.BENCH_WARMUP}"`);
  const members = Number(process.env.BENCH_MEMBERS ?? options.members ?? 20_000);
  if (!existsSync("build/portal/server.js") || !existsSync("build/server/index.js")) {
    throw new Error("No production build: run `npm run build` first.");
  }

  const work = mkdtempSync(join(tmpdir(), `spn-bench-${options.name}-`));
  const origin = `http://localhost:${portalPort}`;
  const env = {
    DATABASE_PATH: join(work, "portal.db"),
    APP_URL: origin,
    SESSION_SECRET,
  };
  Object.assign(process.env, env, { LOG_LEVEL: "silent" });

  console.log(`\n## Pages: ${options.name}`);
  const [cookies, seeded] = await seed(options, members);
  console.log(`seeded ${env.DATABASE_PATH}: ${seeded}`);
  // Read after seeding: a scenario whose paths depend on its data (ids) adds its pages from its `seed`.
  // BENCH_ONLY=home,faq loads only the pages whose labels contain one of the words (the ceiling always runs).
  const only = process.env.BENCH_ONLY?.toLowerCase().split(",");
  const pages = only ? options.pages.filter((page) => only.some((word) => page.label.toLowerCase().includes(word))) : options.pages;
  const routeCount = await buildCeilings();

  const portal = startServer("portal", ["build/portal/server.js"], portalPort, "/healthz", work, {
    ...env,
    NODE_ENV: "production",
    // A production configuration (no demo banner); the worker runs elsewhere so only pages use the CPU.
    SMTP_URL: "smtp://127.0.0.1:9",
    WORKER: "off",
  });
  const ceilings = (["one", "routes"] as const).map((which) =>
    startServer(`ceiling-${which}`, [CEILING_SERVER], ceilingPorts[which], "/", work, { NODE_ENV: "production", CEILING_BUILD: CEILING_BUILDS[which] }),
  );
  let failed = false;
  const results: PageResult[] = [];
  try {
    await Promise.all([portal.ready, ...ceilings.map((ceiling) => ceiling.ready)]);
    const ceiling = (which: "one" | "routes", label: string, path = "/") => ({ label, path, origin: `http://localhost:${ceilingPorts[which]}`, status: 200, cookie: undefined });
    const targets = [
      ceiling("one", "ceiling: 1 trivial route"),
      ceiling("routes", `ceiling: ${routeCount} trivial routes`),
      // Measured like a page (its ratios are to the two ceilings above): the best a table page can do.
      ceiling("routes", "ceiling: members table, fixed data", TABLE_PAGE_PATH),
      ...pages.map((page) => ({
        label: page.label,
        path: page.path,
        origin,
        status: page.status ?? 200,
        cookie: page.signedInAs ? cookies.get(page.signedInAs) : undefined,
      })),
    ];
    for (const target of targets) {
      const response = await fetch(`${target.origin}${target.path}`, {
        headers: requestHeaders(target.cookie),
        redirect: "manual",
      });
      await response.arrayBuffer();
      if (response.status !== target.status) {
        throw new Error(`${target.label} (${target.path}) answered ${response.status}, expected ${target.status}`);
      }
      results.push({ label: target.label, path: target.path, byConnections: new Map() });
    }
    const run = async (index: number, level: number) => {
      const target = targets[index]!;
      const figures = await load(`${target.origin}${target.path}`, target.cookie, target.status, level, seconds);
      if (figures.errors) failed = true;
      console.log(
        `${String(level).padStart(3)} conn  ${target.label.padEnd(32)} ${fixed(figures.requestsPerSecond, 0).padStart(6)} req/s` +
          `  p50 ${fixed(figures.p50)}  p95 ${fixed(figures.p95)}  p99 ${fixed(figures.p99)} ms${figures.errors ? `  ${figures.errors} ERRORS` : ""}`,
      );
      return figures;
    };
    // A server that has run for a while has its code compiled and its caches (route matches, SQLite's pages)
    // filled, and the portal has far more of both than a ceiling: with only each page's own 1-second warm-up,
    // home measured 0.70× the ceiling on fresh processes and 0.77–0.79× a few runs later on the same ones. So
    // every page and both ceilings are loaded first. Their answers are not checked here: the measured runs
    // below check every response.
    if (warmUpSeconds > 0) {
      for (const target of targets) {
        await autocannon({ url: `${target.origin}${target.path}`, connections: 10, duration: warmUpSeconds, headers: requestHeaders(target.cookie) });
      }
      console.log(`warmed up: every page and ceiling loaded for ${warmUpSeconds} s at 10 connections`);
    }
    for (const level of connections) {
      for (const index of targets.keys()) results[index]!.byConnections.set(level, await run(index, level));
      // The ceilings again after the pages, so a machine that speeds up or slows down during the run moves
      // both sides of the ratio: each ceiling counts as the mean of its two runs.
      const ceilingRps = [0, 1].map((index) => results[index]!.byConnections.get(level)!.requestsPerSecond);
      for (const index of [0, 1]) {
        const again = await run(index, level);
        const figures = results[index]!.byConnections.get(level)!;
        ceilingRps[index] = (ceilingRps[index]! + again.requestsPerSecond) / 2;
        figures.requestsPerSecond = ceilingRps[index]!;
        figures.errors += again.errors;
      }
      for (const result of results) {
        const figures = result.byConnections.get(level)!;
        figures.ratio = figures.requestsPerSecond / ceilingRps[0]!;
        figures.routesRatio = result === results[0] ? NaN : figures.requestsPerSecond / ceilingRps[1]!;
      }
    }
  } finally {
    await Promise.all([portal.stop(), ...ceilings.map((ceiling) => ceiling.stop())]);
  }
  const logged = readFileSync(portal.logPath, "utf8").split("\n").filter((line) => line.includes('"statusCode"')).length;
  console.log(`(the portal logged ${logged} requests)`);
  console.log(markdownTable(options.name, results, connections, { members, seconds, warmUpSeconds, routeCount }));
  if (failed) {
    console.error(`pages: ${options.name}: some requests failed (see ERRORS above)`);
    process.exitCode = 1;
  }
  return results;
}

/** Seeds the database through the app's own modules (imported now, after DATABASE_PATH is set) and makes the sessions. */
export async function seed(options: PageBenchOptions, members: number): Promise<[Map<string, string>, string]> {
  const { migrateToLatest } = await import("#db/database");
  const { db, closeDb } = await import("~/db.server");
  const { seedDemoData } = await import("~/demo/seed.server");
  const { createSession, sessionCookieName } = await import("~/auth/sessions.server");
  const started = performance.now();
  await migrateToLatest(db());
  const parts = [await seedDemoData(db()), await seedNetwork(db(), members)];
  const own = await options.seed?.(db());
  if (own) parts.push(own);
  const cookies = new Map<string, string>();
  for (const who of new Set(options.pages.flatMap((page) => (page.signedInAs ? [page.signedInAs] : [])))) {
    const email = who in DEMO_EMAILS ? DEMO_EMAILS[who as keyof typeof DEMO_EMAILS] : who;
    const user = await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
    if (!user) throw new Error(`signedInAs: no member with the address ${email}`);
    cookies.set(who, `${sessionCookieName()}=${(await createSession(user.id)).token}`);
  }
  await closeDb();
  return [cookies, `${parts.join("; ")} (${fixed((performance.now() - started) / 1000, 1)} s)`];
}

export interface Server {
  ready: Promise<void>;
  /** The server's process id (for its memory, e.g. /proc/<pid>/status). */
  pid: number;
  logPath: string;
  stop(): Promise<void>;
}

/** Starts a compiled server with plain node (never tsx: NODE_OPTIONS is dropped), its output in a log file. */
export function startServer(
  name: string,
  args: string[],
  port: number,
  readyPath: string,
  work: string,
  env: Record<string, string>,
  cwd = process.cwd(),
): Server {
  const logPath = join(work, `${name}.log`);
  const log = openSync(logPath, "a");
  const { NODE_OPTIONS: _dropped, ...inherited } = process.env;
  const profile = process.env.BENCH_CPU_PROF ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, ...args], {
    env: { ...inherited, LOG_LEVEL: "info", ...env, PORT: String(port) },
    stdio: ["ignore", log, log],
    cwd,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = (async () => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break;
      try {
        if ((await fetch(`http://localhost:${port}${readyPath}`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${name} server did not start on port ${port}:\n${readFileSync(logPath, "utf8").slice(-2000)}`);
  })();
  return {
    ready,
    pid: child.pid!,
    logPath,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A 1-second warm-up, then `seconds` of load; latency percentiles from every response's own time. */
export async function load(url: string, cookie: string | undefined, status: number, connections: number, seconds: number): Promise<PageFigures> {
  const headers = requestHeaders(cookie);
  await autocannon({ url, connections, duration: 1, headers });
  const times: number[] = [];
  let unexpected = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode !== status) unexpected += 1;
    });
  });
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN;
  return {
    requestsPerSecond: times.length / seconds,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    errors: result.errors + unexpected,
    ratio: NaN,
    routesRatio: NaN,
  };
}

function requestHeaders(cookie: string | undefined): Record<string, string> {
  return { ...CHROME_HEADERS, ...(cookie && { cookie }) };
}

function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "–";
}

function markdownTable(
  name: string,
  results: PageResult[],
  connections: number[],
  run: { members: number; seconds: number; warmUpSeconds: number; routeCount: number },
): string {
  const cpu = cpus();
  const heading = connections.map((c) => `${c} conn: req/s | p50 / p95 / p99 ms | × ceilings`).join(" | ");
  const lines = [
    "",
    `Pages (${name}), ${new Date().toISOString().slice(0, 10)}: ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), Node ${process.versions.node}, ` +
      `every page first loaded for ${run.warmUpSeconds} s at 10 connections, then autocannon ${run.seconds} s a page after 1 s warm-up; production build, ${run.members.toLocaleString("en-GB")} members. ` +
      `"× ceilings": req/s as a share of the 1-route ceiling's / of the ceiling with the portal's ${run.routeCount} routes.`,
    "",
    `| page | ${heading} | errors |`,
    `|---|${connections.map(() => "--:|:-:|--:").join("|")}|--:|`,
  ];
  for (const result of results) {
    const cells = connections.map((c) => {
      const f = result.byConnections.get(c);
      return f
        ? `${fixed(f.requestsPerSecond, 0)} | ${fixed(f.p50)} / ${fixed(f.p95)} / ${fixed(f.p99)} | ${fixed(f.ratio, 2)} / ${fixed(f.routesRatio, 2)}`
        : "– | – | –";
    });
    const errors = [...result.byConnections.values()].reduce((sum, f) => sum + f.errors, 0);
    lines.push(`| ${result.label} \`${result.path}\` | ${cells.join(" | ")} | ${errors} |`);
  }
  return lines.join("\n");
}
