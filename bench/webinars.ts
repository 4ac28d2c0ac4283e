/**
 * Webinar figures, in one run: `npx tsx bench/webinars.ts` after `npm run build`.
 *
 * 1. Joining links for 2,000 approved registrants (a child process with its own database): queueing them
 *    as the 10:00 job does (token, render, outbox row, "sent" mark), then delivery to a local SMTP sink
 *    (its own process, counting bytes and parsing only a sample) by the outbox worker, next to plain
 *    pooled nodemailer sending the same messages with the same pool size; alternate rounds, medians.
 *    Also the whole path (queue + deliver) next to rendering each email and handing it to nodemailer.
 * 2. The webinar pages under load with the shared harness (bench/support/page-bench.ts), on the demo
 *    data, 20,000 members and a webinar with 2,000 approved registrants, at 10 and 50 connections.
 * 3. 1,000 people opening their joining links at the same moment: 1,000 requests for 1,000 different
 *    /j/<token> pages sent at once, each on its own connection, against the production build, next to
 *    the same burst to the one-route ceiling app (a child process; median of 3 bursts).
 *
 * BENCH_REGISTRANTS (default 2000) and MAIL_CONCURRENCY (default 5) adjust part 1; the harness's BENCH_*
 * variables adjust parts 2 and 3. Prints figures; exits non-zero only on errors.
 */
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, get } from "node:http";
import { fileURLToPath } from "node:url";
import { runPageBench, type BenchPage } from "./support/page-bench";
import { startSamplingSink } from "./support/sampling-sink";

const self = fileURLToPath(import.meta.url);
/** The load-test webinar's id: fixed, so the page paths can be written before the seed runs. */
const BENCH_WEBINAR_ID = 9001;
/** A joining-page token the page runs request (stored hashed by the seed, as a real link is). */
const TOKEN = randomBytes(20).toString("hex");
const SAMPLE = 2;

/** Part 1, in its own process (the app reads its configuration, and so its database, once per process). */
async function runDelivery() {
  const count = Number(process.env.BENCH_REGISTRANTS ?? 2000);
  const connections = Number(process.env.MAIL_CONCURRENCY ?? 5);
  const folder = mkdtempSync(join(tmpdir(), "spn-bench-webinar-links-"));
  process.env.DATABASE_PATH = join(folder, "bench.db");
  process.env.LOG_LEVEL = "silent";
  const nodemailer = (await import("nodemailer")).default;
  const { migrateToLatest } = await import("#db/database");
  const { db, closeDb } = await import("~/db.server");
  const { config } = await import("~/config.server");
  const { createMailTransport } = await import("~/mail/transport.server");
  const { renderEmail } = await import("~/mail/render.server");
  const { startWorker } = await import("~/worker/worker.server");
  const { webinarJoiningLinkEmail } = await import("#emails/webinar-joining-link");
  const { sendDueJoiningLinks } = await import("~/webinars/send-joining-links.server");
  const { seedJoiningLinkBench } = await import("./support/webinars");

  const sink = await startSamplingSink();
  try {
    await migrateToLatest(db());
    const { webinarId } = await seedJoiningLinkBench(db(), { registrants: count });
    const webinar = await db().selectFrom("webinars").selectAll().where("id", "=", webinarId).executeTakeFirstOrThrow();
    const { url, samples, timed: timedRun } = sink;
    const timed = (target: number, start: () => Promise<() => Promise<void>>) => timedRun(target, SAMPLE, start);

    async function checkSamples(what: string) {
      for (let waited = 0; samples.length < SAMPLE && waited < 2_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      const bad = samples.filter((s) => !s.subject.startsWith("Your joining link:") || !/\/j\/[a-z2-7]+/.test(s.text) || s.text.includes(webinar.meeting_url));
      if (samples.length === 0 || bad.length > 0) throw new Error(`${what}: sampled messages do not read right: ${JSON.stringify(bad[0] ?? "none")}`);
      samples.length = 0;
    }

    /** Back to before 10:00: no links sent, nothing queued. */
    async function reset() {
      await db().deleteFrom("outbox").execute();
      await db().deleteFrom("webinar_link_tokens").execute();
      await db().updateTable("webinar_registrations").set({ links_sent_at: null }).execute();
    }

    async function queueLinks(): Promise<number> {
      const started = performance.now();
      const queued = await sendDueJoiningLinks(webinarId);
      if (queued !== count) throw new Error(`the joining-link job queued ${queued} of ${count}`);
      return performance.now() - started;
    }

    async function plainSend(): Promise<number> {
      // The rows the worker sends, built the same way, straight to nodemailer's pool.
      const rows = await db().selectFrom("outbox").selectAll().where("status", "=", "pending").orderBy("id").execute();
      const plain = nodemailer.createTransport(`${url}?pool=true&maxConnections=${connections}`);
      const ms = await timed(rows.length, async () => {
        await Promise.all(
          rows.map((m) =>
            plain.sendMail({ messageId: m.message_id, from: m.from_address, to: m.to_address, subject: m.subject, html: m.html, text: m.text, date: new Date(m.created_at) }),
          ),
        );
        return async () => undefined;
      });
      plain.close();
      return ms;
    }

    async function workerDeliver(): Promise<number> {
      const transport = createMailTransport(url, { connections });
      const ms = await timed(count, async () => {
        const worker = startWorker({ db: db(), transport, jobs: [], pollMs: 20 });
        return () => worker.stop();
      });
      transport.close();
      return ms;
    }

    /** The naive whole path: render each registrant's email, hand them all to nodemailer's pool. */
    async function renderAndSend(): Promise<number> {
      const people = await db()
        .selectFrom("webinar_registrations")
        .innerJoin("users", "users.id", "webinar_registrations.user_id")
        .select(["users.email", "users.full_name"])
        .where("webinar_id", "=", webinarId)
        .execute();
      const settings = config();
      const context = { appUrl: settings.appUrl.origin, contactEmail: settings.contactEmail };
      const plain = nodemailer.createTransport(`${url}?pool=true&maxConnections=${connections}`);
      const ms = await timed(people.length, async () => {
        const sends: Array<Promise<unknown>> = [];
        for (const person of people) {
          const email = await renderEmail(
            webinarJoiningLinkEmail,
            { fullName: person.full_name, title: webinar.title, when: "Today", webinarId, token: randomBytes(20).toString("hex"), joinOpens: "12:30pm" },
            context,
          );
          sends.push(plain.sendMail({ from: settings.mailFrom, to: person.email, subject: email.subject, html: email.html, text: email.text }));
        }
        await Promise.all(sends);
        return async () => undefined;
      });
      plain.close();
      return ms;
    }

    // Warm up both paths (JIT, first connections).
    await queueLinks();
    await plainSend();
    await workerDeliver();
    await checkSamples("warm-up");

    const rounds = 3;
    const queueMs: number[] = [];
    const plainMs: number[] = [];
    const workerMs: number[] = [];
    const naiveMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await reset();
      queueMs.push(await queueLinks());
      plainMs.push(await plainSend());
      await checkSamples("plain nodemailer");
      workerMs.push(await workerDeliver());
      await checkSamples("outbox worker");
      naiveMs.push(await renderAndSend());
      samples.length = 0;
    }
    const sent = await db().selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "sent").executeTakeFirstOrThrow();
    if (Number(sent.n) !== count) throw new Error(`the worker marked ${sent.n} of ${count} as sent`);

    const rate = (ms: number) => `${((count / ms) * 1000).toFixed(0)}/s`;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    const [queue, plain, worker, naive] = [queueMs, plainMs, workerMs, naiveMs].map(median) as [number, number, number, number];
    console.log(`webinar joining links, ${count} approved registrants, ${connections} SMTP connections, medians of ${rounds} rounds:`);
    console.log(`  queue (the 10:00 job: token, render, outbox row): ${(queue / 1000).toFixed(2)} s, ${rate(queue)}`);
    console.log(
      `  deliver: outbox worker ${rate(worker)}, plain pooled nodemailer ${rate(plain)} → ${(plain / worker).toFixed(2)}× ` +
        `(worker ${workerMs.map(rate).join(", ")}; plain ${plainMs.map(rate).join(", ")})`,
    );
    console.log(
      `  whole path: queue + deliver ${((queue + worker) / 1000).toFixed(2)} s; render each + plain nodemailer ${(naive / 1000).toFixed(2)} s → ${(naive / (queue + worker)).toFixed(2)}×`,
    );
  } finally {
    sink.stop();
    await closeDb();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Adds the load-test webinar (2,000 approved registrants, one of them the demo member) and the tokens. */
async function seedPages(database: import("~/db.server").Database, registrants: number, tokens: readonly string[] = [TOKEN]): Promise<string> {
  const { addJoiningPageTokens, seedJoiningLinkBench } = await import("./support/webinars");
  const { nowIso } = await import("~/clock.server");
  await seedJoiningLinkBench(database, { registrants, id: BENCH_WEBINAR_ID });
  const member = await database.selectFrom("users").select("id").where("email", "=", "demo.member@nhs.net").executeTakeFirstOrThrow();
  const at = nowIso();
  await database
    .insertInto("webinar_registrations")
    .values({ webinar_id: BENCH_WEBINAR_ID, user_id: member.id, status: "approved", registered_at: at, decided_at: at, updated_at: at })
    .execute();
  await addJoiningPageTokens(database, BENCH_WEBINAR_ID, tokens);
  return `1 webinar starting in 45 minutes with ${registrants.toLocaleString("en-GB")} approved registrants`;
}

const JOINING_PAGE: BenchPage = { label: "joining page (personal link)", path: `/j/${TOKEN}` };

/** Sends every request at once, each on a new connection; per-request times, the burst's time, failures. */
async function burst(port: number, paths: readonly string[]) {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const started = performance.now();
  const results = await Promise.all(
    paths.map(
      (path) =>
        new Promise<{ ms: number; ok: boolean }>((resolve) => {
          const sent = performance.now();
          const request = get({ host: "localhost", port, path, agent, timeout: 30_000, headers: { accept: "text/html", "accept-encoding": "gzip, deflate, br" } }, (response) => {
            response.resume();
            response.on("end", () => resolve({ ms: performance.now() - sent, ok: response.statusCode === 200 }));
          });
          request.on("timeout", () => request.destroy(new Error("timed out")));
          request.on("error", () => resolve({ ms: performance.now() - sent, ok: false }));
        }),
    ),
  );
  const ms = performance.now() - started;
  agent.destroy();
  const times = results.map((result) => result.ms).sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN;
  return { ms, p50: at(50), p95: at(95), max: times.at(-1) ?? NaN, failed: results.filter((result) => !result.ok).length };
}

async function runJoiningBurst() {
  const count = 1_000;
  const { seed, startServer, SESSION_SECRET } = await import("./support/page-bench");
  const { buildCeilings, CEILING_BUILDS, CEILING_SERVER } = await import("./support/ceiling");
  const work = mkdtempSync(join(tmpdir(), "spn-bench-webinar-burst-"));
  const basePort = Number(process.env.BENCH_PORT ?? 5211);
  const [portalPort, ceilingPort] = [basePort, basePort + 1];
  const env = { DATABASE_PATH: join(work, "portal.db"), APP_URL: `http://localhost:${portalPort}`, SESSION_SECRET };
  Object.assign(process.env, env, { LOG_LEVEL: "silent" });
  const tokens = Array.from({ length: count }, () => randomBytes(20).toString("hex"));
  const [, seeded] = await seed({ name: "webinar burst", pages: [], seed: (database) => seedPages(database, 2_000, tokens) }, 2_000);
  await buildCeilings();
  const portal = startServer("portal", ["build/portal/server.js"], portalPort, "/healthz", work, { ...env, NODE_ENV: "production", SMTP_URL: "smtp://127.0.0.1:9", WORKER: "off" });
  const ceiling = startServer("ceiling-one", [CEILING_SERVER], ceilingPort, "/", work, { NODE_ENV: "production", CEILING_BUILD: CEILING_BUILDS.one });
  try {
    await Promise.all([portal.ready, ceiling.ready]);
    const pages = tokens.map((token) => `/j/${token}`);
    // Warm up: a few hundred requests in small groups.
    for (let i = 0; i < 200; i += 20) {
      await burst(portalPort, pages.slice(i, i + 20));
      await burst(ceilingPort, Array.from({ length: 20 }, () => "/"));
    }
    const rounds = { portal: [] as Array<Awaited<ReturnType<typeof burst>>>, ceiling: [] as Array<Awaited<ReturnType<typeof burst>>> };
    for (let round = 0; round < 3; round++) {
      rounds.portal.push(await burst(portalPort, pages));
      rounds.ceiling.push(await burst(ceilingPort, Array.from({ length: count }, () => "/")));
    }
    const median = (list: Array<Awaited<ReturnType<typeof burst>>>) => [...list].sort((a, b) => a.ms - b.ms)[1]!;
    const line = (label: string, list: Array<Awaited<ReturnType<typeof burst>>>) => {
      const m = median(list);
      const failed = list.reduce((sum, r) => sum + r.failed, 0);
      if (failed) process.exitCode = 1;
      return (
        `  ${label}: all answered in ${(m.ms / 1000).toFixed(2)} s (${((count / m.ms) * 1000).toFixed(0)} req/s), ` +
        `p50 ${m.p50.toFixed(0)} ms, p95 ${m.p95.toFixed(0)} ms, slowest ${m.max.toFixed(0)} ms; ${failed} failed over 3 bursts` +
        ` (bursts: ${list.map((r) => `${(r.ms / 1000).toFixed(2)} s`).join(", ")})`
      );
    };
    console.log(`\n## ${count.toLocaleString("en-GB")} joining links opened at once (${seeded})`);
    console.log(line(`${count.toLocaleString("en-GB")} different /j/<token> pages`, rounds.portal));
    console.log(line("the same burst to the one-route ceiling", rounds.ceiling));
    console.log(`  → ${(median(rounds.ceiling).ms / median(rounds.portal).ms).toFixed(2)}× the ceiling`);
  } finally {
    await Promise.all([portal.stop(), ceiling.stop()]);
    rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  const child = (mode: string, env: Record<string, string> = {}) =>
    new Promise<number>((resolve) => {
      const proc = fork(self, [mode], { execArgv: ["--import", "tsx"], env: { ...process.env, ...env }, stdio: "inherit" });
      proc.on("exit", (code) => resolve(code ?? 1));
    });
  if ((await child("--delivery")) !== 0) process.exitCode = 1;

  await runPageBench({
    name: "webinars",
    seed: (database) => seedPages(database, 2_000),
    pages: [
      { label: "webinar list", path: "/webinars" },
      { label: "past webinars", path: "/webinars/past" },
      { label: "one webinar (visitor)", path: `/webinars/${BENCH_WEBINAR_ID}` },
      { label: "one webinar (member with a place)", path: `/webinars/${BENCH_WEBINAR_ID}`, signedInAs: "member" },
      { label: "calendar file", path: `/webinars/${BENCH_WEBINAR_ID}/calendar.ics` },
      JOINING_PAGE,
      { label: "registrations, 2,000 (admin)", path: `/admin/webinars/${BENCH_WEBINAR_ID}`, signedInAs: "admin" },
    ],
  });

  // Its own process and ports: the app reads its configuration (and database) once per process.
  const basePort = Number(process.env.BENCH_PORT ?? 5201);
  if ((await child("--joining-burst", { BENCH_PORT: String(basePort + 10) })) !== 0) process.exitCode = 1;
}

const mode = process.argv[2];
if (mode === "--delivery") await runDelivery();
else if (mode === "--joining-burst") await runJoiningBurst();
else await main();
