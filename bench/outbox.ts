/**
 * Outbox figures, in one run: `npx tsx bench/outbox.ts [N]` (N emails per delivery run, default 2000).
 *
 * 1. Queueing single emails (render + insert), per email.
 * 2. Delivery to one local SMTP sink (its own process; it counts bytes and parses only a sample, since
 *    parsing every message caps a sink at ~350-400/s): plain pooled nodemailer sending the same messages
 *    with the same pool size, then the outbox worker, alternately; the median of each, and their ratio.
 *    Bulk messages (shared body, filled in per recipient) are delivered by the worker too.
 * 3. Queueing 20,000 bulk messages, in a child process so its peak RSS is the queueing's own, while
 *    this process keeps writing to the same database to see how long the queueing holds the write lock.
 *
 * Prints figures; exits non-zero only on errors (a sample that does not read right is an error).
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startSamplingSink, type SamplingSink } from "./support/sampling-sink";

const self = fileURLToPath(import.meta.url);
const BULK_COUNT = 20_000;
const SAMPLE = 3;

/** Folders this run made, removed at the end. */
const scratch: string[] = [];

function freshDatabasePath(): string {
  const folder = mkdtempSync(join(tmpdir(), "spn-bench-outbox-"));
  scratch.push(folder);
  return join(folder, "bench.db");
}

function child(args: string[], env: Record<string, string> = {}): ChildProcess {
  return fork(self, args, { execArgv: ["--import", "tsx"], env: { ...process.env, LOG_LEVEL: "silent", ...env } });
}

/** Queues BULK_COUNT bulk messages into DATABASE_PATH and reports time, peak RSS and the longest stall. */
async function runBulkQueueing() {
  const { migrateToLatest } = await import("#db/database");
  const { db, closeDb } = await import("~/db.server");
  const { enqueueBulkEmail } = await import("~/mail/bulk.server");
  const { placeholder } = await import("~/mail/placeholders.server");
  const { testMessageEmail } = await import("#emails/test-message");
  await migrateToLatest(db());
  process.send?.({ type: "migrated" });
  await new Promise((resolve) => process.once("message", resolve));

  const rssBefore = process.memoryUsage().rss;
  const recipients = Array.from({ length: BULK_COUNT }, (_, i) => ({
    to: `member${i}@nhs.net`,
    vars: { name: `Member ${i}` },
    headers: { "List-Unsubscribe": `<https://spn.example.org/unsubscribe/${i}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  }));
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const started = performance.now();
  const result = await enqueueBulkEmail(db(), {
    campaignKey: "bench",
    template: testMessageEmail,
    props: { note: `Dear ${placeholder("name")}, this is the network's news.` },
    recipients,
  });
  const ms = performance.now() - started;
  stalls.disable();
  await closeDb();
  process.send?.({
    type: "bulk",
    queued: result.queued,
    ms,
    rssBeforeMiB: rssBefore / 2 ** 20,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    longestStallMs: stalls.max / 1e6,
  });
}

async function main() {
  const count = Number(process.argv[2] ?? 2000);
  const connections = Number(process.env.MAIL_CONCURRENCY ?? 5);
  process.env.DATABASE_PATH = freshDatabasePath();
  process.env.LOG_LEVEL = "silent";
  const nodemailer = (await import("nodemailer")).default;
  const { migrateToLatest, openDatabase } = await import("#db/database");
  const { db, closeDb } = await import("~/db.server");
  const { enqueueEmail } = await import("~/mail/outbox.server");
  const { enqueueBulkEmail } = await import("~/mail/bulk.server");
  const { placeholder } = await import("~/mail/placeholders.server");
  const { createMailTransport } = await import("~/mail/transport.server");
  const { startWorker } = await import("~/worker/worker.server");
  const { testMessageEmail } = await import("#emails/test-message");
  await migrateToLatest(db());

  const children: ChildProcess[] = [];
  let sink: SamplingSink | undefined;
  try {
    sink = await startSamplingSink();
    const { url, samples, timed: timedRun } = sink;
    const timed = (target: number, start: () => Promise<() => Promise<void>>) => timedRun(target, SAMPLE, start);

    async function queueSingles(n: number, from = 0): Promise<number> {
      const started = performance.now();
      for (let i = from; i < from + n; i++) {
        await enqueueEmail(db(), { to: `bench${i}@nhs.net`, template: testMessageEmail, props: { note: `Message ${i}` } });
      }
      return performance.now() - started;
    }

    async function plainRun(n: number): Promise<number> {
      // The same rows the worker sends, built the same way, straight to nodemailer's pool.
      const rows = await db().selectFrom("outbox").selectAll().where("status", "=", "pending").orderBy("id").limit(n).execute();
      const messages = rows.map((m) => ({
        messageId: m.message_id,
        from: m.from_address,
        to: m.to_address,
        subject: m.subject,
        html: m.html,
        text: m.text,
        headers: JSON.parse(m.headers_json) as Record<string, string>,
        date: new Date(m.created_at),
      }));
      const plain = nodemailer.createTransport(`${url}?pool=true&maxConnections=${connections}`);
      const ms = await timed(n, async () => {
        await Promise.all(messages.map((message) => plain.sendMail(message)));
        return async () => undefined;
      });
      plain.close();
      return ms;
    }

    async function workerRun(n: number): Promise<number> {
      const transport = createMailTransport(url, { connections });
      const ms = await timed(n, async () => {
        const worker = startWorker({ db: db(), transport, jobs: [], pollMs: 20 });
        return () => worker.stop();
      });
      transport.close();
      return ms;
    }

    async function checkSamples(what: string, expectText: RegExp) {
      // Samples are parsed while the run goes on; the last may land just after it.
      for (let waited = 0; samples.length < SAMPLE && waited < 2_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      const bad = samples.filter((s) => !expectText.test(s.text) || /\{\{spn:/i.test(s.text + s.html) || !s.html.includes("</html>"));
      if (samples.length === 0 || bad.length > 0) throw new Error(`${what}: sampled messages do not read right: ${JSON.stringify(bad[0] ?? "none")}`);
      samples.length = 0;
    }

    // Warm up both paths (JIT, first connections).
    await queueSingles(200, 1_000_000);
    await plainRun(200);
    await workerRun(200);
    await db().deleteFrom("outbox").execute();
    samples.length = 0;

    const queueMs = await queueSingles(count);
    const rounds = 3;
    const plainMs: number[] = [];
    const workerMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // Plain nodemailer does not touch the outbox, so the same pending rows serve both.
      plainMs.push(await plainRun(count));
      await checkSamples("plain nodemailer", /Message \d+/);
      workerMs.push(await workerRun(count));
      await checkSamples("outbox worker", /Message \d+/);
      if (round < rounds - 1) await db().updateTable("outbox").set({ status: "pending", attempts: 0, sent_at: null }).execute();
    }

    await db().deleteFrom("outbox").execute();
    await enqueueBulkEmail(db(), {
      campaignKey: "bench-delivery",
      template: testMessageEmail,
      props: { note: `Dear ${placeholder("name")}, this is the network's news.` },
      recipients: Array.from({ length: count }, (_, i) => ({ to: `bulk${i}@nhs.net`, vars: { name: `Member ${i}` } })),
    });
    const bulkDeliveryMs = await workerRun(count);
    await checkSamples("bulk delivery", /Dear Member \d+, this is the network's news\./);

    // Queueing 20,000 bulk messages in a child, while this process writes to the same database.
    const bulkPath = freshDatabasePath();
    const queuer = child(["--queue-bulk"], { DATABASE_PATH: bulkPath });
    children.push(queuer);
    await new Promise((resolve) => queuer.once("message", resolve));
    const other = openDatabase(bulkPath);
    let writing = true;
    let longestWriteMs = 0;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        const t = performance.now();
        await other.insertInto("rate_limit_hits").values({ bucket: "bench", at: new Date().toISOString() }).execute();
        longestWriteMs = Math.max(longestWriteMs, performance.now() - t);
        writes += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const bulk = await new Promise<{ queued: number; ms: number; rssBeforeMiB: number; peakRssMiB: number; longestStallMs: number }>((resolve) => {
      queuer.once("message", resolve);
      queuer.send("go");
    });
    writing = false;
    await writer;
    await other.destroy();
    if (bulk.queued !== BULK_COUNT) throw new Error(`bulk queueing queued ${bulk.queued} of ${BULK_COUNT}`);

    const rate = (n: number, ms: number) => `${((n / ms) * 1000).toFixed(0)}/s`;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    const plainMedian = median(plainMs);
    const workerMedian = median(workerMs);
    console.log(`outbox: queue one email (render + insert): ${(queueMs / count).toFixed(2)} ms each, ${rate(count, queueMs)}`);
    console.log(
      `outbox: delivery of ${count} to a local SMTP sink, ${connections} connections: plain pooled nodemailer ${rate(count, plainMedian)}, ` +
        `outbox worker ${rate(count, workerMedian)} → ${(plainMedian / workerMedian).toFixed(2)}× (medians of ${rounds} alternate rounds: plain ${plainMs.map((ms) => rate(count, ms)).join(", ")}; worker ${workerMs.map((ms) => rate(count, ms)).join(", ")})`,
    );
    console.log(`outbox: delivery of ${count} bulk messages (shared body, filled per recipient): ${rate(count, bulkDeliveryMs)}`);
    console.log(
      `outbox: queue ${BULK_COUNT} bulk messages: ${(bulk.ms / 1000).toFixed(2)} s (${rate(BULK_COUNT, bulk.ms)}), peak RSS ${bulk.peakRssMiB.toFixed(0)} MiB ` +
        `(${bulk.rssBeforeMiB.toFixed(0)} MiB before queueing), longest stall ${bulk.longestStallMs.toFixed(0)} ms; ` +
        `a writer alongside waited at most ${longestWriteMs.toFixed(1)} ms over ${writes} writes`,
    );
  } finally {
    sink?.stop();
    for (const proc of children) if (proc.connected) proc.disconnect();
    for (const proc of children) proc.kill();
    await closeDb();
    for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
  }
}

const mode = process.argv[2];
if (mode === "--queue-bulk") await runBulkQueueing();
else await main();
