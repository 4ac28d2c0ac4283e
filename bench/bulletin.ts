/**
 * One bulletin to many members (20,000 by default), as production sends it: the compiled portal
 * (build/portal/server.js, as `npm start` runs it) queues and delivers it through SMTP to a local sink, while
 * pages are requested to see what sending does to their latency. It runs twice: the default single process
 * (the web server delivers too), and WORKER=off beside a separate worker (`npm run worker`). Then plain pooled
 * nodemailer sends the same number of the same message to the same sink, for comparison. Prints messages per
 * second, peak RSS and page latency. Run `npm run build` first. `npx tsx bench/bulletin.ts [members]`
 *
 * `benchBulletin()` is the same run as a function, for a harness to call and read the figures.
 */
import { fork, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { DEFAULT_MAIL_CONNECTIONS } from "~/mail/transport.server";

export interface BulletinBenchOptions {
  /** Subscribers to send to. */
  members?: number;
  /** Port for the portal under test. */
  port?: number;
  /** "in-process": the web server delivers (the default deployment); "separate": WORKER=off and a worker process. */
  worker?: "in-process" | "separate";
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
  /** Plain pooled nodemailer (the worker's number of connections), the same email, the same sink. */
  nodemailerPerSecond: number;
  /** portalPerSecond / nodemailerPerSecond (target at least 0.8). */
  ratio: number;
  /** The peak resident memory (VmHWM) of the process that delivered (target under 300 MB). */
  portalPeakRssMb: number;
  /** With a separate worker: the web server's own peak. */
  webPeakRssMb: number;
  worker: "in-process" | "separate";
  /** Page latency while the bulletin was being sent, by path. */
  pagesWhileSending: Record<string, LatencyFigures>;
}

/**
 * An SMTP server that only counts messages (parsing each one would make the sink the bottleneck), in a
 * process of its own so it takes no CPU from whichever sender is being measured.
 */
async function runCountingSink(): Promise<void> {
  const times: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        times.push(performance.now() + performance.timeOrigin);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  process.send!({ port: (server.server.address() as AddressInfo).port });
  process.on("message", (request: string) => {
    if (request === "status") process.send!({ count: times.length, first: times[0], last: times[times.length - 1] });
  });
}

interface Sink {
  url: string;
  status(): Promise<{ count: number; first?: number; last?: number }>;
  stop(): void;
}

async function startCountingSink(): Promise<Sink> {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BULLETIN_BENCH_SINK: "1" }, execArgv: ["--import", "tsx"] });
  const [{ port }] = (await once(child, "message")) as [{ port: number }];
  const ask = async <T>(request: string): Promise<T> => {
    child.send(request);
    const [reply] = (await once(child, "message")) as [T];
    return reply;
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    status: () => ask("status"),
    stop: () => child.kill("SIGTERM"),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The database with the members and a bulletin whose send has been asked for (its job is due). */
async function prepareDatabase(databasePath: string, members: number): Promise<void> {
  const { migrateToLatest, openDatabase } = await import("#db/database");
  const { scheduleJob } = await import("~/jobs/jobs.server");
  const { bulletinQueueJob } = await import("~/bulletin/jobs.server");
  // Its own handle, so the function can run more than once in a process (the app's db() is one file for good).
  const database = openDatabase(databasePath);
  await migrateToLatest(database);
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
  for (let start = 0; start < rows.length; start += 500) await database.insertInto("users").values(rows.slice(start, start + 500)).execute();
  const body = [
    "Welcome to this month's bulletin: news from link workers around the country.",
    "## Winter walks",
    "Link workers shared how they keep walking groups going when the days are short. Read [the FAQ](/faq).",
    "![A walking group by a canal](https://images.example.org/walk.jpg)",
    "## Recording what you do",
    "- Use the referral code for every referral.\n- Record declined support too.\n- Ask your supervisor if unsure.",
  ].join("\n\n");
  // As "Send now" leaves it: sending, with its queueing job due.
  const { id } = await database
    .insertInto("bulletins")
    .values({ subject: "Network bulletin: benchmark", preheader: "What is new this month", body_markdown: body, status: "sending", send_started_at: at, is_public: 0, created_at: at, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  await scheduleJob(database, bulletinQueueJob, { bulletinId: id, scheduledFor: null }, { runAt: new Date() });
  await database.destroy();
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

/** One copy as the portal sent it (its outbox row with the campaign body filled in), for the baseline to send as well. */
async function sentCopy(databasePath: string) {
  const { openDatabase } = await import("#db/database");
  const { messageContent } = await import("~/mail/bulk.server");
  const database = openDatabase(databasePath);
  const row = await database.selectFrom("outbox").selectAll().orderBy("id").limit(1).executeTakeFirstOrThrow();
  const { html, text } = await messageContent(database, row);
  await database.destroy();
  return { from: row.from_address, subject: row.subject, html, text, headers: JSON.parse(row.headers_json) as Record<string, string> };
}

/**
 * Plain pooled nodemailer (as many connections as the portal's worker uses) sending `count` copies of the
 * portal's email to the sink, building each message as the worker's transport does.
 */
async function nodemailerBaseline(smtpUrl: string, email: Awaited<ReturnType<typeof sentCopy>>, count: number): Promise<number> {
  const transport = nodemailer.createTransport(`${smtpUrl}?pool=true&maxConnections=${DEFAULT_MAIL_CONNECTIONS}`);
  const started = performance.now();
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const sends = [];
    for (let i = start; i < Math.min(count, start + batch); i++) sends.push(transport.sendMail({ ...email, to: `member${i}@bench.nhs.net` }));
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
  const sink = await startCountingSink();

  const worker = options.worker ?? "in-process";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    SESSION_SECRET: "bench-session-secret-that-is-long-enough-1234",
    PORT: String(port),
    APP_URL: origin,
    LOG_LEVEL: "silent",
    DATABASE_PATH: databasePath,
    SMTP_URL: sink.url,
    WORKER: worker === "separate" ? "off" : "on",
  };
  const asked = performance.now();
  // node itself (not npm) so the SIGTERM below reaches the process rather than a wrapper.
  const processes = [spawn(process.execPath, ["build/portal/server.js"], { env, stdio: "ignore" })];
  if (worker === "separate") processes.push(spawn(process.execPath, ["build/portal/worker.js"], { env, stdio: "ignore" }));
  const [server, delivering = server] = [processes[0]!, processes[1]];
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
    let delivered = { count: 0, first: 0, last: 0 } as { count: number; first?: number; last?: number };
    const allDelivered = waitFor(async () => (delivered = await sink.status()).count >= members, "every copy to reach the sink", 30 * 60_000);
    await Promise.race([allDelivered, pagesFailed]);
    done = true;
    const pagesWhileSending = await pages;
    const totalMs = performance.now() - asked;
    const deliveryMs = delivered.last! - delivered.first!;
    const portalPeakRssMb = peakRssMb(delivering.pid!);
    const webPeakRssMb = peakRssMb(server.pid!);
    const portalPerSecond = (members / deliveryMs) * 1000;

    const nodemailerPerSecond = await nodemailerBaseline(sink.url, await sentCopy(databasePath), members);
    return {
      members,
      totalMs,
      deliveryMs,
      portalPerSecond,
      nodemailerPerSecond,
      ratio: portalPerSecond / nodemailerPerSecond,
      portalPeakRssMb,
      webPeakRssMb,
      worker,
      pagesWhileSending,
    };
  } finally {
    // Stopped and waited for, so no process is left on the port whatever happened.
    await Promise.all(
      processes.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    sink.stop();
  }
}

if (process.env.BULLETIN_BENCH_SINK === "1") {
  await runCountingSink();
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const worker of ["in-process", "separate"] as const) {
    const result = await benchBulletin({ members: Number(process.argv[2] ?? 20_000), worker });
    const label = `bulletin (${worker} worker):`;
    console.log(`${label} ${result.members} copies in ${(result.totalMs / 1000).toFixed(1)} s from asking to send (delivery ${(result.deliveryMs / 1000).toFixed(1)} s)`);
    console.log(
      `${label} ${result.portalPerSecond.toFixed(0)} msg/s through the portal vs ${result.nodemailerPerSecond.toFixed(0)} msg/s plain pooled nodemailer (${result.ratio.toFixed(2)}x; target 0.8x)`,
    );
    const web = worker === "separate" ? `, web server ${result.webPeakRssMb.toFixed(0)} MB` : "";
    console.log(`${label} peak RSS of the delivering process ${result.portalPeakRssMb.toFixed(0)} MB (target < 300 MB)${web}`);
    for (const [path, figures] of Object.entries(result.pagesWhileSending)) {
      console.log(`${label} while sending ${path.padEnd(10)} p50 ${figures.p50Ms.toFixed(1)} ms  p95 ${figures.p95Ms.toFixed(1)} ms  (${figures.requests} requests)`);
    }
  }
  process.exit(0);
}
