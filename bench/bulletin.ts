/**
 * One bulletin to many members (20,000 by default), as production sends it: the built portal (`npm start`'s
 * server, with its in-process worker) queues and delivers it through SMTP to a local sink, while pages are
 * requested to see what sending does to their latency. Then plain pooled nodemailer sends the same number of
 * the same message to the same sink, for comparison. Prints messages per second, the server's peak RSS and
 * page latency. Run `npm run build` first. `npx tsx bench/bulletin.ts [members]`
 *
 * `benchBulletin()` is the same run as a function, for a harness to call and read the figures.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

export interface BulletinBenchOptions {
  /** Subscribers to send to. */
  members?: number;
  /** Port for the portal under test. */
  port?: number;
  /** Paths requested while the bulletin is being sent (round-robin, 4 visitors each pausing 100 ms between pages); [] for none. */
  pagePaths?: string[];
}

export interface LatencyFigures {
  requests: number;
  p50Ms: number;
  p95Ms: number;
}

export interface BulletinBenchResult {
  members: number;
  /** From asking to send until the last copy was accepted by the sink. */
  totalMs: number;
  /** From the first copy to the last reaching the sink. */
  deliveryMs: number;
  portalPerSecond: number;
  /** Plain pooled nodemailer (5 connections), same message size, same sink. */
  nodemailerPerSecond: number;
  /** portalPerSecond / nodemailerPerSecond (target at least 0.8). */
  ratio: number;
  /** The portal process's peak resident memory (VmHWM; target under 300 MB). */
  portalPeakRssMb: number;
  /** Page latency while the bulletin was being sent, by path. */
  pagesWhileSending: Record<string, LatencyFigures>;
}

/** An SMTP server that only counts messages (parsing each one would make the sink the bottleneck). */
async function countingSink(): Promise<{ url: string; count: () => number; times: number[]; sample: () => string; stop: () => Promise<void> }> {
  const times: number[] = [];
  let sample = "";
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      let size = 0;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (!sample) chunks.push(chunk);
      });
      stream.on("end", () => {
        if (!sample && size > 0) sample = Buffer.concat(chunks).toString("utf8");
        times.push(performance.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => times.length,
    times,
    sample: () => sample,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The database with the members and a bulletin whose send has been asked for (its job is due). */
async function prepareDatabase(databasePath: string, members: number): Promise<void> {
  process.env.DATABASE_PATH = databasePath;
  process.env.LOG_LEVEL = "silent";
  const { migrateToLatest } = await import("#db/database");
  const { db, closeDb } = await import("~/db.server");
  const { createBulletin, sendBulletinNow } = await import("~/bulletin/bulletins.server");
  await migrateToLatest(db());
  const at = new Date().toISOString();
  const rows = Array.from({ length: members }, (_, i) => ({
    email: `member${i}@bench.nhs.net`,
    full_name: `Bench Member ${i}`,
    organisation: "Bench PCN",
    job_role: "link-worker",
    region: "london",
    workspace_interests_json: "[]",
    bulletin_opt_in: 1 as const,
    events_opt_in: 0 as const,
    status: "active" as const,
    email_verified_at: at,
    created_at: at,
    updated_at: at,
  }));
  for (let start = 0; start < rows.length; start += 500) await db().insertInto("users").values(rows.slice(start, start + 500)).execute();
  const staff = await db().selectFrom("users").select("id").orderBy("id").executeTakeFirstOrThrow();
  const body = [
    "Welcome to this month's bulletin: news from link workers around the country.",
    "## Winter walks",
    "Link workers shared how they keep walking groups going when the days are short. Read [the FAQ](/faq).",
    "![A walking group by a canal](https://images.example.org/walk.jpg)",
    "## Recording what you do",
    "- Use the referral code for every referral.\n- Record declined support too.\n- Ask your supervisor if unsure.",
  ].join("\n\n");
  const id = await createBulletin(staff.id, { subject: "Network bulletin: benchmark", preheader: "What is new this month", body });
  await sendBulletinNow(staff.id, id);
  await closeDb();
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Requests `paths` round-robin until `stop` returns true, as 4 visitors who each pause 100 ms between pages
 * (busy, but not a load test: saturating the server would only measure how the worker and pages share a CPU).
 */
async function measurePages(origin: string, paths: string[], stop: () => boolean): Promise<Record<string, LatencyFigures>> {
  if (paths.length === 0) return {};
  const timings = new Map<string, number[]>(paths.map((path) => [path, []]));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (!stop()) {
        const path = paths[next++ % paths.length]!;
        const started = performance.now();
        await fetch(`${origin}${path}`).then((response) => response.text());
        timings.get(path)!.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }),
  );
  return Object.fromEntries(
    [...timings].map(([path, values]) => {
      const sorted = values.sort((a, b) => a - b);
      return [path, { requests: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95) }];
    }),
  );
}

/** Plain pooled nodemailer sending `count` copies of `raw` (the portal's own message) to the sink. */
async function nodemailerBaseline(smtpUrl: string, raw: string, count: number): Promise<number> {
  const transport = nodemailer.createTransport(`${smtpUrl}?pool=true`);
  const started = performance.now();
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const sends = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      sends.push(transport.sendMail({ envelope: { from: "no-reply@spn.example.org", to: `member${i}@bench.nhs.net` }, raw }));
    }
    await Promise.all(sends);
  }
  const elapsed = performance.now() - started;
  transport.close();
  return (count / elapsed) * 1000;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

export async function benchBulletin(options: BulletinBenchOptions = {}): Promise<BulletinBenchResult> {
  const members = options.members ?? 20_000;
  const port = options.port ?? 4391;
  const origin = `http://localhost:${port}`;
  const databasePath = join(mkdtempSync(join(tmpdir(), "spn-bench-bulletin-")), "bench.db");
  await prepareDatabase(databasePath, members);
  const sink = await countingSink();

  const asked = performance.now();
  // node itself (not npx) so the SIGTERM below reaches the server rather than a wrapper.
  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORTAL_DEMO: "1",
      PORT: String(port),
      APP_URL: origin,
      LOG_LEVEL: "silent",
      DATABASE_PATH: databasePath,
      SMTP_URL: sink.url,
    },
    stdio: "ignore",
  });
  try {
    await waitFor(
      () =>
        fetch(`${origin}/healthz`).then(
          (response) => response.ok,
          () => false,
        ),
      "the portal to start",
      30_000,
    );
    let done = false;
    const pages = measurePages(origin, options.pagePaths ?? ["/", "/faq", "/bulletins"], () => done);
    // A failed page request ends the wait at once instead of leaving the run to time out.
    const pagesFailed = pages.then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => Promise.reject(error),
    );
    await Promise.race([waitFor(() => sink.count() >= members, "every copy to reach the sink", 30 * 60_000), pagesFailed]);
    done = true;
    const pagesWhileSending = await pages;
    const totalMs = performance.now() - asked;
    const deliveryMs = sink.times[sink.times.length - 1]! - sink.times[0]!;
    const portalPeakRssMb = peakRssMb(server.pid!);
    const portalPerSecond = (members / deliveryMs) * 1000;

    const sample = sink.sample();
    const nodemailerPerSecond = await nodemailerBaseline(sink.url, sample, members);
    return {
      members,
      totalMs,
      deliveryMs,
      portalPerSecond,
      nodemailerPerSecond,
      ratio: portalPerSecond / nodemailerPerSecond,
      portalPeakRssMb,
      pagesWhileSending,
    };
  } finally {
    // Stopped and waited for, so no server is left on the port whatever happened.
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
    if (server.exitCode === null && server.signalCode === null) await exited;
    clearTimeout(timer);
    await sink.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await benchBulletin({ members: Number(process.argv[2] ?? 20_000) });
  console.log(
    `bulletin: ${result.members} copies in ${(result.totalMs / 1000).toFixed(1)} s from asking to send (delivery ${(result.deliveryMs / 1000).toFixed(1)} s)`,
  );
  console.log(
    `bulletin: ${result.portalPerSecond.toFixed(0)} msg/s through the portal vs ${result.nodemailerPerSecond.toFixed(0)} msg/s plain pooled nodemailer (${result.ratio.toFixed(2)}x; target 0.8x)`,
  );
  console.log(`bulletin: portal peak RSS ${result.portalPeakRssMb.toFixed(0)} MB (target < 300 MB)`);
  for (const [path, figures] of Object.entries(result.pagesWhileSending)) {
    console.log(`bulletin: while sending ${path.padEnd(10)} p50 ${figures.p50Ms.toFixed(1)} ms  p95 ${figures.p95Ms.toFixed(1)} ms  (${figures.requests} requests)`);
  }
  process.exit(0);
}
