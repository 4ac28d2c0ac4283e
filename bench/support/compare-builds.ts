/**
 * Did a change make pages faster? Compares two production builds side by side on one seeded database,
 * alternating short loads between them so that a machine that speeds up or slows down affects both.
 *
 *     npm run build && npx tsx bench/support/compare-builds.ts snapshot before
 *     (make the change) npm run build && npx tsx bench/support/compare-builds.ts snapshot after
 *     npx tsx bench/support/compare-builds.ts before after          # COMPARE_ONLY=home,faq COMPARE_CONNECTIONS=50
 *
 * A snapshot copies build/, public/ and content/ to a temporary folder (the server reads them from its
 * working folder) and links node_modules. Prints the median of COMPARE_ROUNDS (4) runs of 3 seconds.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FOUNDATION_PAGES } from "./foundation-pages";
import { load, seed, SESSION_SECRET, startServer } from "./page-bench";

const snapshotDir = (name: string) => join(tmpdir(), `spn-build-${name}`);
const [first, second, third] = process.argv.slice(2);

if (first === "snapshot" && second) {
  const dir = snapshotDir(second);
  rmSync(dir, { recursive: true, force: true });
  for (const part of ["build", "public", "content", "package.json"]) cpSync(part, join(dir, part), { recursive: true });
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"));
  console.log(`snapshot of the current build in ${dir}`);
} else if (first && second && !third) {
  await compare(first, second);
} else {
  console.error("usage: compare-builds.ts snapshot <name> | compare-builds.ts <name A> <name B>");
  process.exitCode = 1;
}

async function compare(nameA: string, nameB: string) {
  const dirs = [snapshotDir(nameA), snapshotDir(nameB)];
  for (const dir of dirs) if (!existsSync(join(dir, "build/portal/server.js"))) throw new Error(`no snapshot in ${dir}`);
  const rounds = Number(process.env.COMPARE_ROUNDS ?? 4);
  const connections = Number(process.env.COMPARE_CONNECTIONS ?? 10);
  const only = process.env.COMPARE_ONLY?.toLowerCase().split(",");
  const pages = FOUNDATION_PAGES.filter((page) => !only || only.some((word) => page.label.toLowerCase().includes(word)));
  const ports = [5291, 5292];
  const work = mkdtempSync(join(tmpdir(), "spn-compare-"));
  const env = { DATABASE_PATH: join(work, "portal.db"), APP_URL: `http://localhost:${ports[0]}`, SESSION_SECRET };
  Object.assign(process.env, env, { LOG_LEVEL: "silent" });
  const [cookies] = await seed({ name: "compare", pages }, Number(process.env.BENCH_MEMBERS ?? 20_000));
  const serverEnv = { ...env, NODE_ENV: "production", SMTP_URL: "smtp://127.0.0.1:9", WORKER: "off" };
  const servers = dirs.map((dir, i) => startServer(`build-${i}`, ["build/portal/server.js"], ports[i]!, "/healthz", work, serverEnv, dir));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  try {
    await Promise.all(servers.map((server) => server.ready));
    console.log(`${connections} connections, median of ${rounds} runs of 3 s: ${nameA} → ${nameB}`);
    for (const page of pages) {
      const cookie = page.signedInAs ? cookies.get(page.signedInAs) : undefined;
      const runs = [0, 1].map(() => ({ rps: [] as number[], p95: [] as number[] }));
      for (let round = 0; round < rounds; round++) {
        for (const which of round % 2 ? [1, 0] : [0, 1]) {
          const figures = await load(`http://localhost:${ports[which]}${page.path}`, cookie, page.status ?? 200, connections, 3);
          if (figures.errors) console.log(`  ${page.label}: ${figures.errors} errors on ${which ? nameB : nameA}`);
          runs[which]!.rps.push(figures.requestsPerSecond);
          runs[which]!.p95.push(figures.p95);
        }
      }
      const [a, b] = runs.map((run) => ({ rps: median(run.rps), p95: median(run.p95) }));
      console.log(
        `${page.label.padEnd(26)} ${a!.rps.toFixed(0)} → ${b!.rps.toFixed(0)} req/s (×${(b!.rps / a!.rps).toFixed(2)}), p95 ${a!.p95.toFixed(1)} → ${b!.p95.toFixed(1)} ms`,
      );
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
