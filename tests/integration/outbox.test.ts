import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signInCodeEmail } from "#emails/sign-in-code";
import { testMessageEmail } from "#emails/test-message";
import { testClock } from "~/clock.server";
import { deliverDueEmails, MAX_DELIVERY_ATTEMPTS, type PermanentFailureHandler } from "~/mail/delivery.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { createMailTransport, type MailTransport } from "~/mail/transport.server";
import { leaseDueRows } from "~/lib/leases.server";
import { startWorker } from "~/worker/worker.server";
import type { Database } from "~/db.server";
import { loader as healthz } from "~/routes/healthz";
import { loader as capturedMessage } from "~/routes/dev.mail.$id";
import { loader as capturedAttachment } from "~/routes/dev.mail.$id.attachments.$number";
import { clearDatabase, testDatabase } from "../support/database";
import { pageRequest, testContext } from "../support/fixtures";
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
  sink.refuse.clear();
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
    expect(mail.headers["auto-submitted"]).toBe("auto-generated");
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

describe("attachments", () => {
  const calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Siân’s clinic\r\nEND:VCALENDAR\r\n";
  const bytes = new Uint8Array([0, 1, 2, 250, 255, 13, 10, 0x80]);
  const attachments = [
    { filename: "spn-webinar-2027-04-07.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: calendar },
    { filename: "sample.bin", contentType: "application/octet-stream", content: bytes },
  ];

  it("are sent with the email exactly as queued, and again with the same Message-ID when the first try failed", async () => {
    const { messageId } = await enqueueEmail(database, { to: "attach@nhs.net", template: testMessageEmail, props: { note: "x" }, attachments });
    const port = sink.port;
    await sink.stop();
    expect(await deliverDueEmails(database, transport)).toMatchObject({ sent: 0, retrying: 1 });
    await sink.start(port);
    testClock.advance(31_000);
    expect(await deliverDueEmails(database, transport)).toMatchObject({ sent: 1 });

    const mail = await sink.waitFor((m) => m.messageId === messageId);
    expect(sink.received.filter((m) => m.messageId === messageId)).toHaveLength(1);
    expect(mail.text).toContain("x");
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.params.method])).toEqual([
      ["spn-webinar-2027-04-07.ics", "text/calendar", "PUBLISH"],
      ["sample.bin", "application/octet-stream", undefined],
    ]);
    expect(Buffer.from(mail.attachments[0]!.base64, "base64").toString("utf8")).toBe(calendar);
    expect([...Buffer.from(mail.attachments[1]!.base64, "base64")]).toEqual([...bytes]);
    expect((await outboxRow(messageId)).attempts).toBe(2);
  });

  it("leave an email without them as it was: no column value, no attachment part", async () => {
    const { messageId } = await queue("plain@nhs.net");
    expect((await outboxRow(messageId)).attachments_json).toBeNull();
    await deliverDueEmails(database, transport);
    expect((await sink.waitFor((m) => m.messageId === messageId)).attachments).toEqual([]);
  });

  it("are listed on /dev/mail with their sizes, and download exactly as sent, in capture mode", async () => {
    const capture = createMailTransport(undefined);
    const { messageId } = await enqueueEmail(database, { to: "seen@nhs.net", template: testMessageEmail, props: { note: "x" }, attachments });
    expect(await deliverDueEmails(database, capture)).toMatchObject({ sent: 1 });
    capture.close();
    const id = String((await outboxRow(messageId)).id);
    const page = (await capturedMessage({ request: pageRequest(`/dev/mail/${id}`), params: { id }, context: testContext })) as Awaited<ReturnType<typeof capturedMessage>>;
    expect(page.message.attachments).toEqual([
      { filename: "spn-webinar-2027-04-07.ics", contentType: attachments[0]!.contentType, bytes: Buffer.byteLength(calendar) },
      { filename: "sample.bin", contentType: "application/octet-stream", bytes: bytes.length },
    ]);
    const download = (await capturedAttachment({ request: pageRequest(`/dev/mail/${id}/attachments/1`), params: { id, number: "1" }, context: testContext })) as Response;
    expect(download.headers.get("Content-Type")).toBe(attachments[0]!.contentType);
    expect(download.headers.get("Content-Disposition")).toBe('attachment; filename="spn-webinar-2027-04-07.ics"');
    expect(await download.text()).toBe(calendar);
    const missing = await capturedAttachment({ request: pageRequest(`/dev/mail/${id}/attachments/3`), params: { id, number: "3" }, context: testContext }).catch((thrown: unknown) => thrown);
    expect((missing as Response).status).toBe(404);
  });
});

/** Wraps a transport to count sends and how many are in flight at once. */
function watched(inner: MailTransport, onSend?: (started: number) => void) {
  const stats = { started: 0, inFlight: 0, maxInFlight: 0 };
  const wrapper: MailTransport = {
    kind: inner.kind,
    concurrency: inner.concurrency,
    send: async (message) => {
      stats.started += 1;
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      onSend?.(stats.started);
      try {
        await inner.send(message);
      } finally {
        stats.inFlight -= 1;
      }
    },
    close: () => undefined,
  };
  return { transport: wrapper, stats };
}

describe("concurrent delivery", () => {
  it("keeps as many messages in flight as the pool has connections, and delivers each once", async () => {
    const addresses = Array.from({ length: 25 }, (_, i) => `many${i}@nhs.net`);
    for (const address of addresses) await queue(address);
    const { transport: counting, stats } = watched(transport);
    expect(transport.concurrency).toBe(5);

    expect(await deliverDueEmails(database, counting)).toMatchObject({ sent: 25, retrying: 0 });
    expect(stats.maxInFlight).toBe(5);
    await expect.poll(() => sink.received.length).toBe(25);
    expect(sink.received.flatMap((m) => m.to).sort()).toEqual([...addresses].sort());
  });

  it("a worker stopped with messages in flight finishes them, releases the rest, and the next one sends each exactly once", async () => {
    const addresses = Array.from({ length: 40 }, (_, i) => `inflight${i}@nhs.net`);
    for (const address of addresses) await queue(address);
    let stopping: Promise<void> | undefined;
    const { transport: stopAtSeven, stats } = watched(transport, (started) => {
      if (started === 7) stopping = firstWorker.stop();
    });
    const firstWorker = startWorker({ db: database, transport: stopAtSeven, jobs: [], pollMs: 20 });
    await expect.poll(() => stats.started, { timeout: 10_000 }).toBeGreaterThanOrEqual(7);
    await stopping;
    expect(stats.inFlight).toBe(0);

    const sent = await database.selectFrom("outbox").select("id").where("status", "=", "sent").execute();
    const pending = await database.selectFrom("outbox").selectAll().where("status", "=", "pending").execute();
    // Everything started was finished and recorded; nothing more was started after the stop.
    expect(sent).toHaveLength(stats.started);
    expect(pending.length).toBe(addresses.length - stats.started);
    expect(pending.every((row) => row.locked_until === null)).toBe(true);

    const secondWorker = startWorker({ db: database, transport, jobs: [], pollMs: 20 });
    await expect
      .poll(async () => (await database.selectFrom("outbox").select("id").where("status", "=", "sent").execute()).length, { timeout: 15_000 })
      .toBe(addresses.length);
    await secondWorker.stop();
    await expect.poll(() => sink.received.length).toBe(addresses.length);
    expect(sink.received.flatMap((m) => m.to).sort()).toEqual([...addresses].sort());
  });
});

describe("permanent and temporary SMTP failures", () => {
  it("fails a message the server refuses for good (5xx) at once, keeping the code and response", async () => {
    sink.refuse.set("gone@nhs.net", { code: 550, message: "5.1.1 No such mailbox here" });
    const { messageId } = await queue("gone@nhs.net");
    expect(await deliverDueEmails(database, transport)).toMatchObject({ sent: 0, retrying: 0, failed: 1 });
    const row = await outboxRow(messageId);
    expect(row).toMatchObject({ status: "failed", attempts: 1, failure_kind: "permanent", failure_code: 550, locked_until: null });
    expect(row.last_error).toContain("550 5.1.1 No such mailbox here");
    expect(row.failed_at).toBeTruthy();

    testClock.advance(2 * 60 * 60_000);
    expect(await deliverDueEmails(database, transport)).toMatchObject({ sent: 0, failed: 0, retrying: 0 });
  });

  it("tells the permanent-failure handlers in the transaction that records it, and records it even if one throws", async () => {
    sink.refuse.set("bounce@nhs.net", { code: 551, message: "User not local" });
    sink.refuse.set("bounce2@nhs.net", { code: 553, message: "Mailbox name not allowed" });
    const told: Array<{ to: string; code: number | null; status: string }> = [];
    const markBouncing: PermanentFailureHandler = async (trx, message) => {
      told.push({ to: message.to_address, code: message.failure_code, status: message.status });
      await trx
        .insertInto("audit_log")
        .values({ action: "test.bouncing", details_json: JSON.stringify({ to: message.to_address }), at: new Date().toISOString() })
        .execute();
    };
    const { messageId } = await queue("bounce@nhs.net");
    await deliverDueEmails(database, transport, { onPermanentFailure: [markBouncing] });
    expect(told).toEqual([{ to: "bounce@nhs.net", code: 551, status: "failed" }]);
    expect(await database.selectFrom("audit_log").select("action").execute()).toEqual([{ action: "test.bouncing" }]);
    expect((await outboxRow(messageId)).failure_kind).toBe("permanent");

    const second = await queue("bounce2@nhs.net");
    const broken: PermanentFailureHandler = async (trx) => {
      await trx.insertInto("audit_log").values({ action: "test.half-done", details_json: "{}", at: new Date().toISOString() }).execute();
      throw new Error("handler bug");
    };
    expect(await deliverDueEmails(database, transport, { onPermanentFailure: [broken] })).toMatchObject({ failed: 1 });
    expect(await outboxRow(second.messageId)).toMatchObject({ status: "failed", failure_kind: "permanent", failure_code: 553 });
    // The handler's own writes rolled back with it.
    expect(await database.selectFrom("audit_log").select("action").execute()).toEqual([{ action: "test.bouncing" }]);
  });

  it("retries a temporary refusal (4xx) with backoff", async () => {
    sink.refuse.set("busy@nhs.net", { code: 451, message: "Try again later" });
    const { messageId } = await queue("busy@nhs.net");
    expect(await deliverDueEmails(database, transport)).toMatchObject({ retrying: 1, failed: 0 });
    expect(await outboxRow(messageId)).toMatchObject({ status: "pending", attempts: 1, failure_kind: null });

    sink.refuse.clear();
    testClock.advance(31_000);
    expect(await deliverDueEmails(database, transport)).toMatchObject({ sent: 1 });
  });

  it("reports recent failures on /healthz and in the command line's outbox command", async () => {
    sink.refuse.set("gone@nhs.net", { code: 550, message: "No such mailbox" });
    await queue("gone@nhs.net");
    await queue("waiting@nhs.net");
    await deliverDueEmails(database, transport, { maxMessages: 1 });
    const response = await healthz();
    expect(await response.json()).toMatchObject({ status: "ok", outboxBacklog: 1, outboxFailedLastDay: 1 });

    const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/cli.ts", "outbox"], { env: { ...process.env, LOG_LEVEL: "silent" } });
    expect(stdout).toContain("failed in the last 24 hours: 1");
    expect(stdout).toMatch(/failed #\d+ to gone@nhs\.net \(.+\) \[permanent 550\] at \S+: 550 No such mailbox/);
  });
});

describe("emails that can no longer arrive in time", () => {
  it("are marked expired instead of being sent late", async () => {
    const { messageId } = await enqueueEmail(database, {
      to: "late@nhs.net",
      template: testMessageEmail,
      props: { note: "code" },
      expiresAt: new Date(Date.now() + 30 * 60_000),
    });
    testClock.advance(31 * 60_000);
    expect(await deliverDueEmails(database, transport)).toMatchObject({ sent: 0, expired: 1 });
    expect(await outboxRow(messageId)).toMatchObject({ status: "failed", failure_kind: "expired", attempts: 0 });
    expect(sink.received).toHaveLength(0);
  });

  it("are marked expired when their next try would come after they expire", async () => {
    const { messageId } = await enqueueEmail(database, {
      to: "soon@nhs.net",
      template: testMessageEmail,
      props: { note: "code" },
      expiresAt: new Date(Date.now() + 10_000),
    });
    const down = createMailTransport("smtp://127.0.0.1:1");
    expect(await deliverDueEmails(database, down)).toMatchObject({ retrying: 0, expired: 1 });
    down.close();
    const row = await outboxRow(messageId);
    expect(row).toMatchObject({ status: "failed", failure_kind: "expired", attempts: 1 });
    expect(row.last_error).toMatch(/next try would be after it expires/);
  });
});

describe("security emails", () => {
  const code = "493817";
  const token = "k3v9q2mzx8w4t6r1p0sa7d5f";
  const props = { link: `http://localhost:3000/verify/pub1d3nt1f1er?token=${token}`, code, validMinutes: 30, asked: "sign-in" as const };

  it("keep no code or link token in the outbox once delivered by SMTP", async () => {
    const { messageId } = await enqueueEmail(database, { to: "member@nhs.net", template: signInCodeEmail, props });
    expect(await deliverDueEmails(database, transport)).toMatchObject({ sent: 1 });
    const mail = await sink.waitFor((m) => m.messageId === messageId);
    expect(mail.text).toContain(code);
    expect(mail.text).toContain(token);

    const row = await outboxRow(messageId);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(token);
    expect(row).toMatchObject({ status: "sent", to_address: "member@nhs.net", subject: mail.subject });
    expect(row.text).toContain("removed after delivery");
  });

  it("lose their attachments too once delivered by SMTP", async () => {
    const attachments = [{ filename: "code.txt", contentType: "text/plain; charset=utf-8", content: `Your code is ${code}` }];
    const { messageId } = await enqueueEmail(database, { to: "member@nhs.net", template: signInCodeEmail, props, attachments });
    expect(await deliverDueEmails(database, transport)).toMatchObject({ sent: 1 });
    const mail = await sink.waitFor((m) => m.messageId === messageId);
    expect(mail.attachments[0]?.base64).toBe(Buffer.from(`Your code is ${code}`).toString("base64"));
    const row = await outboxRow(messageId);
    expect(row.attachments_json).toBeNull();
    expect(JSON.stringify(row)).not.toContain(Buffer.from(`Your code is ${code}`).toString("base64"));
  });

  it("stay readable in capture mode, where the outbox is the developer's mailbox", async () => {
    const capture = createMailTransport(undefined);
    const { messageId } = await enqueueEmail(database, { to: "member@nhs.net", template: signInCodeEmail, props });
    expect(await deliverDueEmails(database, capture)).toMatchObject({ sent: 1 });
    capture.close();
    const row = await outboxRow(messageId);
    expect(row.text).toContain(code);
    expect(row.text).toContain(token);
  });
});
