/**
 * Recordings figures, in one run: `npx tsx bench/recordings.ts` after `npm run build`.
 *
 * 1. The members' library with 5,000 published recordings (bench/support/recordings.ts; ~300 words of
 *    captions each in the search index) under load with the shared harness (bench/support/page-bench.ts):
 *    the list, a page far down it, a search, a search nothing matches, theme and year filters, and one
 *    recording's page (player, transcript from its captions, related recordings), signed in as the demo
 *    member, at 10 and 50 connections next to the framework ceilings.
 * 2. Streaming (a process of its own): a 200 MB video (sparse on disk, so it costs neither disk nor time to
 *    make) to 50 viewers at once, each asking for 4 MB byte ranges at random places (seeking) one after
 *    another; total throughput, p95 of one range, and the portal's peak memory (RSS), next to plain Node
 *    serving the same file with ranges (bench/support/plain-file-server.mjs), alternate rounds, medians.
 *    Then the same with a 20 MB file (memory must not grow with the file), and 50 viewers who open the
 *    whole 200 MB file and stop reading (the server must read no further ahead than they take).
 *
 * BENCH_VIEWERS (default 50), BENCH_RANGES (ranges per viewer, default 10) and BENCH_RANGE_MB (default 4)
 * adjust part 2; the harness's BENCH_* variables adjust part 1. Prints figures; exits non-zero only on errors.
 */
import { fork, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runPageBench } from "./support/page-bench";
import { FIRST_BENCH_RECORDING_ID } from "./support/recordings";

const self = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;
/** How much one range asks for: what a player fetches before the viewer seeks again. */
const RANGE_BYTES = Number(process.env.BENCH_RANGE_MB ?? 4) * MB;
const RECORDINGS = 5_000;
// The demo's first recording ("Green social prescribing through the winter": 90 caption cues, slides):
// the demo data is seeded first into an empty database, so it is always number 1.
const DEMO_RECORDING_ID = 1;

async function pages() {
  await runPageBench({
    name: "recordings",
    seed: async (database) => {
      const { seedBenchRecordings } = await import("./support/recordings");
      await seedBenchRecordings(database, RECORDINGS);
      return `${RECORDINGS.toLocaleString("en-GB")} published recordings (ids from ${FIRST_BENCH_RECORDING_ID})`;
    },
    pages: [
      { label: "library, newest first", path: "/recordings", signedInAs: "member" },
      { label: "library, page 400", path: "/recordings?page=400", signedInAs: "member" },
      { label: "search 'garden walk'", path: "/recordings?q=garden+walk", signedInAs: "member" },
      { label: "search, no match", path: "/recordings?q=zebra+crossing", signedInAs: "member" },
      { label: "theme and year", path: "/recordings?theme=mental-health&year=2024", signedInAs: "member" },
      { label: "one recording", path: `/recordings/${DEMO_RECORDING_ID}`, signedInAs: "member" },
      { label: "library (visitor: 403)", path: "/recordings", status: 403 },
    ],
  });
}

/** Resident memory of a process in MB, from /proc. */
function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Samples a process's memory every 25 ms until stopped; returns the highest seen. */
function watchMemory(pid: number) {
  let peak = residentMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, residentMb(pid));
  }, 25);
  return () => {
    clearInterval(timer);
    return Math.max(peak, residentMb(pid));
  };
}

/** A repeatable sequence of offsets, so every run and both servers get the same seeks. */
function offsets(seed: number, count: number, size: number, length: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * (size - length));
  });
}

interface StreamFigures {
  mbPerSecond: number;
  p95: number;
  peakMb: number;
  startMb: number;
  errors: number;
}

/** `viewers` clients at once, each fetching `ranges` ranges one after another at its own random places. */
async function streamRanges(port: number, path: string, size: number, cookie: string | undefined, pid: number, viewers: number, ranges: number): Promise<StreamFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: viewers });
  const get = (start: number) =>
    new Promise<{ ms: number; ok: boolean }>((resolve) => {
      const end = start + RANGE_BYTES - 1;
      const sent = performance.now();
      const req = request({ host: "localhost", port, path, agent, headers: { range: `bytes=${start}-${end}`, ...(cookie && { cookie }) } }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve({ ms: performance.now() - sent, ok: res.statusCode === 206 && bytes === RANGE_BYTES }));
      });
      req.on("error", () => resolve({ ms: performance.now() - sent, ok: false }));
      req.end();
    });
  // Warm up: each viewer's connection and the server's code paths.
  await Promise.all(Array.from({ length: viewers }, (_, viewer) => get(offsets(viewer + 1, 1, size, RANGE_BYTES)[0]!)));
  const startMb = residentMb(pid);
  const stop = watchMemory(pid);
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: viewers }, async (_, viewer) => {
      for (const start of offsets(1_000 + viewer, ranges, size, RANGE_BYTES)) {
        const result = await get(start);
        times.push(result.ms);
        if (!result.ok) errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const peakMb = stop();
  agent.destroy();
  times.sort((a, b) => a - b);
  return { mbPerSecond: (viewers * ranges * RANGE_BYTES) / MB / seconds, p95: times[Math.floor(times.length * 0.95)] ?? NaN, peakMb, startMb, errors };
}

/** `viewers` clients open the whole file and read nothing for `ms`: how far ahead of them does the server read? */
async function pausedViewers(port: number, path: string, cookie: string | undefined, pid: number, viewers: number, ms: number) {
  const before = residentMb(pid);
  const stop = watchMemory(pid);
  const sockets: Socket[] = [];
  for (let n = 0; n < viewers; n++) {
    const socket = connect(port, "127.0.0.1");
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${cookie ? `Cookie: ${cookie}\r\n` : ""}Range: bytes=${n}-\r\n\r\n`);
    socket.pause();
    sockets.push(socket);
  }
  await new Promise((resolve) => setTimeout(resolve, ms));
  const peak = stop();
  for (const socket of sockets) socket.destroy();
  // Let the server let go of what it held before the next measurement.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return { before, peak };
}

async function streaming() {
  const viewers = Number(process.env.BENCH_VIEWERS ?? 50);
  const ranges = Number(process.env.BENCH_RANGES ?? 10);
  const { seed, startServer, SESSION_SECRET } = await import("./support/page-bench");
  const work = mkdtempSync(join(tmpdir(), "spn-bench-recordings-stream-"));
  const basePort = Number(process.env.BENCH_PORT ?? 5221);
  const [portalPort, plainPort] = [basePort, basePort + 1];
  const env = { DATABASE_PATH: join(work, "portal.db"), APP_URL: `http://localhost:${portalPort}`, SESSION_SECRET };
  Object.assign(process.env, env, { LOG_LEVEL: "silent" });
  const videos: Record<"big" | "small", { url: string; path: string; bytes: number }> = {} as never;
  const [cookies, seeded] = await seed(
    {
      name: "recordings streaming",
      pages: [{ label: "member", path: "/", signedInAs: "member" }],
      seed: async (database) => {
        const { addSparseBenchVideo } = await import("./support/recordings");
        const published = await database.selectFrom("recordings").select("id").where("status", "=", "published").orderBy("id").limit(2).execute();
        const [big, small] = published.map((row) => row.id);
        videos.big = { ...(await addSparseBenchVideo(database, big!, 200 * MB)), bytes: 200 * MB };
        videos.small = { ...(await addSparseBenchVideo(database, small!, 20 * MB)), bytes: 20 * MB };
        return "a 200 MB and a 20 MB video (sparse files)";
      },
    },
    100,
  );
  const cookie = cookies.get("member")!;
  const portal = startServer("portal", ["build/portal/server.js"], portalPort, "/healthz", work, {
    ...env,
    NODE_ENV: "production",
    SMTP_URL: "smtp://127.0.0.1:9",
    WORKER: "off",
  });
  const plain = spawn(process.execPath, ["bench/support/plain-file-server.mjs", videos.big.path, String(plainPort)], { stdio: "ignore" });
  try {
    await portal.ready;
    for (let i = 0; i < 100 && !(await fetch(`http://localhost:${plainPort}/`, { method: "HEAD" }).then((r) => r.ok, () => false)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`\n## Streaming recordings: ${viewers} viewers, ${ranges} ranges of ${RANGE_BYTES / MB} MB each at random places (${seeded})`);
    const line = (label: string, f: StreamFigures) => {
      if (f.errors) process.exitCode = 1;
      console.log(
        `  ${label.padEnd(44)} ${f.mbPerSecond.toFixed(0).padStart(5)} MB/s  p95 ${f.p95.toFixed(0).padStart(4)} ms per range  ` +
          `RSS ${f.startMb.toFixed(0)} → peak ${f.peakMb.toFixed(0)} MB${f.errors ? `  ${f.errors} ERRORS` : ""}`,
      );
      return f;
    };
    // Alternate rounds on both servers; the middle (median) throughput of three is reported.
    const rounds: Record<"portal" | "plain", StreamFigures[]> = { portal: [], plain: [] };
    for (let round = 0; round < 3; round++) {
      rounds.portal.push(line(`portal, 200 MB video (round ${round + 1})`, await streamRanges(portalPort, videos.big.url, videos.big.bytes, cookie, portal.pid, viewers, ranges)));
      rounds.plain.push(line(`plain Node, same file (round ${round + 1})`, await streamRanges(plainPort, "/", videos.big.bytes, undefined, plain.pid!, viewers, ranges)));
    }
    const median = (list: StreamFigures[]) => [...list].sort((a, b) => a.mbPerSecond - b.mbPerSecond)[1]!;
    const [p, b] = [median(rounds.portal), median(rounds.plain)];
    console.log(`  → portal ${p.mbPerSecond.toFixed(0)} MB/s vs plain Node ${b.mbPerSecond.toFixed(0)} MB/s: ${(p.mbPerSecond / b.mbPerSecond).toFixed(2)}×`);
    line("portal, 20 MB video", await streamRanges(portalPort, videos.small.url, videos.small.bytes, cookie, portal.pid, viewers, ranges));
    const paused = await pausedViewers(portalPort, videos.big.url, cookie, portal.pid, viewers, 3_000);
    const pausedPlain = await pausedViewers(plainPort, "/", undefined, plain.pid!, viewers, 3_000);
    console.log(
      `  ${viewers} viewers open the whole 200 MB file and stop reading for 3 s: portal RSS ${paused.before.toFixed(0)} → peak ${paused.peak.toFixed(0)} MB; ` +
        `plain Node ${pausedPlain.before.toFixed(0)} → ${pausedPlain.peak.toFixed(0)} MB`,
    );
  } finally {
    plain.kill();
    await portal.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  await pages();
  // Its own process and ports: the app reads its configuration (and database) once per process.
  const basePort = Number(process.env.BENCH_PORT ?? 5201);
  const code = await new Promise<number>((resolve) => {
    const proc = fork(self, ["--streaming"], { execArgv: ["--import", "tsx"], env: { ...process.env, BENCH_PORT: String(basePort + 20) }, stdio: "inherit" });
    proc.on("exit", (exit) => resolve(exit ?? 1));
  });
  if (code !== 0) process.exitCode = 1;
}

if (process.argv[2] === "--streaming") await streaming();
else await main();
