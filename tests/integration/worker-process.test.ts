import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureBuilt, freePort, killLeftovers, poll, productionEnv, start, waitUntilUp } from "../support/production-server";
import { SmtpSink } from "../support/smtp-sink";

/**
 * The worker in its own process (`npm run worker`, build/portal/worker.js) beside a web server started
 * with WORKER=off, as README's Operations section describes for bulk sends.
 */
const sink = new SmtpSink();

beforeAll(async () => {
  ensureBuilt();
  await sink.start();
}, 120_000);
afterAll(async () => {
  killLeftovers();
  await sink.stop();
});

it("a WORKER=off server queues mail but does not send it; the worker process sends it and stops cleanly on SIGTERM", async () => {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const env = productionEnv(port, { SMTP_URL: sink.url, DATABASE_PATH: process.env.DATABASE_PATH, WORKER: "off", LOG_LEVEL: "info" });
  const web = start(env);
  try {
    await waitUntilUp(origin, web);
    expect(web.output()).toContain("worker off (WORKER=off)");

    const asked = await fetch(`${origin}/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=worker.check%40nhs.net",
      redirect: "manual",
    });
    expect(asked.status).toBe(302);
    const backlog = async () => ((await (await fetch(`${origin}/healthz`)).json()) as { outboxBacklog: number }).outboxBacklog;
    expect(await backlog()).toBe(1);
    // The built-in worker would send at once and poll every second: watch for a little longer than that.
    const watchUntil = Date.now() + 2_500;
    await poll(async () => {
      expect(sink.received).toHaveLength(0);
      return Date.now() > watchUntil;
    });
    expect(await backlog()).toBe(1);

    // Same environment, WORKER=off included: the worker process runs the worker whatever that says.
    const worker = start(env, ["node", "build/portal/worker.js"]);
    await sink.waitFor((mail) => mail.to.includes("worker.check@nhs.net"));
    await poll(async () => (await backlog()) === 0);
    expect(worker.output()).toContain("Social Prescribing Network worker");

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(worker.output()).toContain("SIGTERM received");
    expect(sink.received).toHaveLength(1);
  } finally {
    web.child.kill("SIGTERM");
    await web.exited;
  }
}, 60_000);
