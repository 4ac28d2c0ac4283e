import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testMessageEmail } from "#emails/test-message";
import { testClock } from "~/clock.server";
import { deliverDueEmails, MAX_DELIVERY_ATTEMPTS } from "~/mail/delivery.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { createMailTransport, type MailTransport } from "~/mail/transport.server";
import { leaseDueRows } from "~/lib/leases.server";
import { startWorker } from "~/worker/worker.server";
import type { Database } from "~/db.server";
import { clearDatabase, testDatabase } from "../support/database";
import { SmtpSink } from "../support/smtp-sink";

let database: Database;
const sink = new SmtpSink();
let transport: MailTransport;

beforeAll(async () => {
  database = await testDatabase();
  await sink.start();
  transport = createMailTransport(sink.url);
});
afterAll(async () => {
  transport.close();
  await sink.stop();
});
beforeEach(async () => {
  await clearDatabase(database);
  sink.received.length = 0;
  testClock.reset();
});
afterEach(() => testClock.reset());

function queue(to: string, note = "hello") {
  return enqueueEmail(database, { to, template: testMessageEmail, props: { note } });
}

async function outboxRow(messageId: string) {
  return database.selectFrom("outbox").selectAll().where("message_id", "=", messageId).executeTakeFirstOrThrow();
}

describe("outbox delivery", () => {
  it("renders HTML and plain text and delivers through SMTP with the queued Message-ID", async () => {
    const { messageId } = await queue("lw@nhs.net", "Your note");
    const result = await deliverDueEmails(database, transport);
    expect(result.sent).toBe(1);
    const mail = await sink.waitFor((m) => m.to.includes("lw@nhs.net"));
    expect(mail.messageId).toBe(messageId);
    expect(mail.subject).toBe("Test message from the Social Prescribing Network portal");
    expect(mail.text).toContain("Your note");
    expect(mail.html).toContain("Your note");
    expect((await outboxRow(messageId)).status).toBe("sent");
  });

  it("retries after the SMTP server was down, with backoff, and delivers exactly once", async () => {
    const { messageId } = await queue("retry@nhs.net");
    const port = sink.port;
    await sink.stop();

    const first = await deliverDueEmails(database, transport);
    expect(first).toMatchObject({ sent: 0, retrying: 1 });
    const afterFailure = await outboxRow(messageId);
    expect(afterFailure.status).toBe("pending");
    expect(afterFailure.attempts).toBe(1);
    expect(afterFailure.last_error).toMatch(/ECONNREFUSED|connect/i);

    await sink.start(port);
    // Not due yet: backoff holds it back.
    expect((await deliverDueEmails(database, transport)).sent).toBe(0);
    testClock.advance(31_000);
    expect((await deliverDueEmails(database, transport)).sent).toBe(1);
    expect((await deliverDueEmails(database, transport)).sent).toBe(0);

    await sink.waitFor((m) => m.messageId === messageId);
    expect(sink.received.filter((m) => m.messageId === messageId)).toHaveLength(1);
    const sent = await outboxRow(messageId);
    expect(sent).toMatchObject({ status: "sent", attempts: 2, last_error: null, delivered_via: "smtp" });
  });

  it("marks a message failed after the attempt limit, keeping the last error", async () => {
    const { messageId } = await queue("never@nhs.net");
    const broken = createMailTransport("smtp://127.0.0.1:1");
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      await deliverDueEmails(database, broken);
      testClock.advance(2 * 60 * 60_000);
    }
    broken.close();
    const row = await outboxRow(messageId);
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(MAX_DELIVERY_ATTEMPTS);
    expect(row.last_error).toBeTruthy();
    expect((await deliverDueEmails(database, transport)).sent).toBe(0);
  });

  it("resends with the same Message-ID when a crash falls after the SMTP server accepted it", async () => {
    const { messageId } = await queue("twice@nhs.net");
    // Accepted by SMTP, then the process "dies" before recording it: the outbox still says pending.
    const crashing: MailTransport = {
      kind: "smtp",
      send: async (message) => {
        await transport.send(message);
        throw new Error("process crashed before recording delivery");
      },
      close: () => undefined,
    };
    await deliverDueEmails(database, crashing);
    testClock.advance(31_000);
    await deliverDueEmails(database, transport);
    await sink.waitFor((m) => m.messageId === messageId && sink.received.length >= 2);
    const copies = sink.received.filter((m) => m.to.includes("twice@nhs.net"));
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((m) => m.messageId))).toEqual(new Set([messageId]));
  });

  it("a worker stopped mid-batch and started again delivers every message, none missing or doubled", async () => {
    const addresses = Array.from({ length: 30 }, (_, i) => `member${i}@nhs.net`);
    for (const address of addresses) await queue(address);

    let sends = 0;
    let stopping: Promise<void> | undefined;
    const stopAfterFive: MailTransport = {
      kind: "smtp",
      send: async (message) => {
        await transport.send(message);
        sends += 1;
        if (sends === 5) stopping = firstWorker.stop();
      },
      close: () => undefined,
    };
    const firstWorker = startWorker({ db: database, transport: stopAfterFive, jobs: [], pollMs: 20 });
    await expect.poll(() => sends, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    await stopping;

    const pendingAfterStop = await database.selectFrom("outbox").selectAll().where("status", "=", "pending").execute();
    expect(pendingAfterStop.length).toBeGreaterThan(0);
    // Released, not left leased: the next worker can take them at once.
    expect(pendingAfterStop.every((row) => row.locked_until === null)).toBe(true);

    const secondWorker = startWorker({ db: database, transport, jobs: [], pollMs: 20 });
    await expect
      .poll(async () => (await database.selectFrom("outbox").select("id").where("status", "=", "sent").execute()).length, {
        timeout: 15_000,
      })
      .toBe(addresses.length);
    await secondWorker.stop();

    const delivered = sink.received.flatMap((m) => m.to).sort();
    expect(delivered).toEqual([...addresses].sort());
  });

  it("never hands a message held by another worker to a second one, until that worker's lease runs out", async () => {
    const { messageId } = await queue("leased@nhs.net");
    // Another worker takes the message and then dies without recording anything.
    const taken = await leaseDueRows(database, "outbox", 2 * 60_000, async (trx) =>
      (await trx.selectFrom("outbox").select("id").execute()).map((row) => row.id),
    );
    expect(taken).toHaveLength(1);

    expect((await deliverDueEmails(database, transport)).sent).toBe(0);
    testClock.advance(2 * 60_000 + 1_000);
    expect((await deliverDueEmails(database, transport)).sent).toBe(1);
    await sink.waitFor((m) => m.messageId === messageId);
  });

  it("keeps an email out of the outbox when the change that caused it rolls back", async () => {
    await expect(
      database.transaction().execute(async (trx) => {
        await enqueueEmail(trx, { to: "rollback@nhs.net", template: testMessageEmail, props: { note: "x" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const rows = await database.selectFrom("outbox").selectAll().execute();
    expect(rows).toHaveLength(0);
  });
});
