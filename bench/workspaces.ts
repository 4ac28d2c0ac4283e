/**
 * Workspace page latency of the production build with a large workspace: 10,000 threads, one of them
 * with 500 replies (app/workspaces/bench-seed.server.ts), signed in as one of its members. Times each
 * page at 10 connections next to /healthz (the framework ceiling: the same server answering a route
 * with no page work) in the same run. Targets: at least 0.7 x the ceiling's req/s, p95 at most 50 ms.
 * Run `npm run build` first. `npx tsx bench/workspaces.ts [requestsPerPath]`
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const perPath = Number(process.argv[2] ?? 500);
const port = 4391;
const origin = `http://localhost:${port}`;
const connections = 10;
const databasePath = join(mkdtempSync(join(tmpdir(), "spn-bench-workspaces-")), "bench.db");
process.env.DATABASE_PATH = databasePath;

const { migrateToLatest } = await import("#db/database");
const { db, closeDb } = await import("~/db.server");
const { seedBenchWorkspace } = await import("~/workspaces/bench-seed.server");
const { createSession, sessionCookieName } = await import("~/auth/sessions.server");

await migrateToLatest(db());
const seeded = await seedBenchWorkspace(db());
const member = await db().selectFrom("users").select("id").where("email", "=", seeded.memberEmails[0]!).executeTakeFirstOrThrow();
const { token } = await createSession(member.id);
const cookie = `${sessionCookieName()}=${token}`;
await closeDb();

// node itself (not npx) so the SIGTERM below reaches the server rather than a wrapper.
const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
  env: { ...process.env, NODE_ENV: "production", PORTAL_DEMO: "1", PORT: String(port), APP_URL: origin, LOG_LEVEL: "silent", DATABASE_PATH: databasePath },
  stdio: "ignore",
});

async function waitUntilUp() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server did not start");
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(path: string) {
  const get = async () => {
    const response = await fetch(`${origin}${path}`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    await response.text();
  };
  for (let i = 0; i < 20; i++) await get(); // warm up
  const timings: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < perPath) {
        next += 1;
        const t = performance.now();
        await get();
        timings.push(performance.now() - t);
      }
    }),
  );
  const elapsed = performance.now() - started;
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 50), p95: percentile(timings, 95), rps: (perPath / elapsed) * 1000 };
}

try {
  await waitUntilUp();
  const ceiling = await measure("/healthz");
  const line = (path: string, r: { p50: number; p95: number; rps: number }, extra = "") =>
    console.log(`workspaces: ${path.padEnd(46)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  ${r.rps.toFixed(0)} req/s${extra}`);
  line("/healthz (ceiling)", ceiling);
  for (const path of (process.env.BENCH_EXTRA ?? "").split(",").filter(Boolean)) line(path, await measure(path));
  for (const path of seeded.paths) {
    const r = await measure(path);
    line(path, r, `  ${(r.rps / ceiling.rps).toFixed(2)}x ceiling${r.p95 > 50 ? "  (p95 over 50 ms)" : ""}`);
  }
} finally {
  server.kill("SIGTERM");
}
