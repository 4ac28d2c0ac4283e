import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { bulletinFigures, findBulletin, sendBulletinNow } from "~/bulletin/bulletins.server";
import { nowIso } from "~/clock.server";
import { createAdmin, setUpDatabaseTests } from "../support/fixtures";
import { headerValues, RawSmtpSink } from "../support/raw-smtp-sink";
import { writeBulletin } from "../support/bulletin";

const { database } = setUpDatabaseTests();
const sink = new RawSmtpSink();
const children: ChildProcess[] = [];
const SUBSCRIBERS = 300;

beforeAll(async () => {
  await sink.start();
  // A mail server that takes a moment over each message, so the send is still going when the worker is killed.
  sink.delayMs = 8;
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await sink.stop();
});

/** Starts the worker in its own process (node itself, so a signal reaches it), resolving once it polls. */
async function startWorkerProcess(clockOffsetMs = 0): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/worker-process.ts"], {
    env: { ...process.env, SMTP_URL: sink.url, CLOCK_OFFSET_MS: String(clockOffsetMs), LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const [line] = (await once(child.stdout!, "data")) as [Buffer];
  expect(line.toString()).toContain("ready");
  return child;
}

async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

it("a worker killed with SIGKILL mid-send and started again reaches every subscriber once, except messages in flight, which keep their Message-ID", { timeout: 120_000 }, async () => {
  const admin = await createAdmin();
  const at = nowIso();
  await database
    .insertInto("users")
    .values(
      Array.from({ length: SUBSCRIBERS }, (_, i) => ({
        email: `subscriber${i}@nhs.net`,
        full_name: `Subscriber ${i}`,
        organisation: "Test PCN",
        job_role: "link-worker",
        region: "london",
        workspace_interests_json: "[]",
        bulletin_opt_in: 1 as const,
        events_opt_in: 0 as const,
        status: "active" as const,
        email_verified_at: at,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  const id = await writeBulletin(admin.id);
  await sendBulletinNow(admin.id, id);

  // After a third, the mail server has the next message but does not answer: the worker is killed mid-message.
  sink.stopAcknowledgingAfter = SUBSCRIBERS / 3;
  const first = await startWorkerProcess();
  await waitUntil(() => sink.received.length > SUBSCRIBERS / 3, "a third of the copies");
  first.kill("SIGKILL");
  await once(first, "exit");
  expect(first.signalCode).toBe("SIGKILL");

  // In flight at the kill: received by the mail server, not yet recorded as sent.
  const receivedBeforeRestart = sink.received.length;
  const pending = new Set(
    (await database.selectFrom("outbox").select("to_address").where("status", "=", "pending").execute()).map((row) => row.to_address),
  );
  const inFlight = new Set(sink.received.flatMap((mail) => mail.to).filter((to) => pending.has(to)));
  expect(receivedBeforeRestart).toBeLessThan(SUBSCRIBERS);
  expect(inFlight.size).toBeGreaterThanOrEqual(1);
  sink.stopAcknowledgingAfter = Number.POSITIVE_INFINITY;

  // Started again after the killed worker's leases have run out (as after a real restart).
  const second = await startWorkerProcess(11 * 60_000);
  await waitUntil(async () => {
    const left = await database.selectFrom("outbox").select("id").where("status", "=", "pending").execute();
    return left.length === 0;
  }, "every copy to be delivered");
  second.kill("SIGTERM");
  await once(second, "exit");

  const outbox = await database.selectFrom("outbox").select(["to_address", "message_id", "status"]).execute();
  expect(outbox).toHaveLength(SUBSCRIBERS);
  const messageIdFor = new Map(outbox.map((row) => [row.to_address, row.message_id]));
  const copiesTo = new Map<string, string[]>();
  for (const mail of sink.received) {
    const [messageId] = headerValues(mail.raw, "Message-ID");
    for (const to of mail.to) copiesTo.set(to, [...(copiesTo.get(to) ?? []), messageId!]);
  }
  // Every subscriber got it.
  expect([...copiesTo.keys()].sort()).toEqual([...messageIdFor.keys()].sort());
  for (const [to, messageIds] of copiesTo) {
    // Each copy carries the Message-ID queued for that member, so a repeat is the same message.
    expect(new Set(messageIds), to).toEqual(new Set([messageIdFor.get(to)]));
    // Only a message in flight at the kill may have arrived twice.
    if (messageIds.length > 1) expect(inFlight.has(to), `${to} got ${messageIds.length} copies`).toBe(true);
  }
  expect(sink.received.length - SUBSCRIBERS).toBe([...copiesTo.values()].filter((ids) => ids.length > 1).length);
  expect(sink.received.length - SUBSCRIBERS).toBeLessThanOrEqual(inFlight.size);

  expect(await findBulletin(id)).toMatchObject({ status: "sent", recipient_count: SUBSCRIBERS });
  expect((await bulletinFigures([id])).get(id)).toMatchObject({ recipients: SUBSCRIBERS, sent: SUBSCRIBERS, queued: 0 });
});
