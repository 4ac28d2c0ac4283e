/**
 * Page latency of the production build: starts `npm start` on a spare port with a fresh database, then
 * requests each path sequentially and at a small concurrency. Prints p50/p95 and requests per second.
 * Run `npm run build` first. `npx tsx bench/pages.ts [requestsPerPath]`
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const perPath = Number(process.argv[2] ?? 200);
const port = 4390;
const origin = `http://localhost:${port}`;
const paths = ["/", "/faq", "/healthz", "/no-such-page"];

// node itself (not npx) so the SIGTERM below reaches the server rather than a wrapper.
const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORTAL_DEMO: "1",
    PORT: String(port),
    APP_URL: origin,
    LOG_LEVEL: "silent",
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "spn-bench-")), "bench.db"),
  },
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

try {
  await waitUntilUp();
  for (const path of paths) {
    await fetch(`${origin}${path}`).then((r) => r.text()); // warm up
    const timings: number[] = [];
    const started = performance.now();
    const concurrency = 4;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < perPath) {
          next += 1;
          const t = performance.now();
          await fetch(`${origin}${path}`).then((r) => r.text());
          timings.push(performance.now() - t);
        }
      }),
    );
    const elapsed = performance.now() - started;
    timings.sort((a, b) => a - b);
    console.log(
      `pages: ${path.padEnd(14)} p50 ${percentile(timings, 50).toFixed(1)} ms  p95 ${percentile(timings, 95).toFixed(1)} ms  ${((perPath / elapsed) * 1000).toFixed(0)} req/s (concurrency ${concurrency})`,
    );
  }
} finally {
  server.kill("SIGTERM");
}
