/**
 * Outbox throughput: queue N emails (rendered templates) and deliver them through nodemailer's SMTP transport
 * to a local SMTP sink. Prints queue and delivery rates and memory. `npx tsx bench/outbox.ts [N]`
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

process.env.DATABASE_PATH = join(mkdtempSync(join(tmpdir(), "spn-bench-")), "bench.db");
process.env.LOG_LEVEL = "silent";

const count = Number(process.argv[2] ?? 500);
const { migrateToLatest } = await import("#db/database");
const { db, closeDb } = await import("~/db.server");
const { enqueueEmail } = await import("~/mail/outbox.server");
const { deliverDueEmails } = await import("~/mail/delivery.server");
const { createMailTransport } = await import("~/mail/transport.server");
const { testMessageEmail } = await import("#emails/test-message");
const { SmtpSink } = await import("../tests/support/smtp-sink");

await migrateToLatest(db());
const sink = await new SmtpSink().start();
const transport = createMailTransport(sink.url);

let started = performance.now();
for (let i = 0; i < count; i++) {
  await enqueueEmail(db(), { to: `bench${i}@nhs.net`, template: testMessageEmail, props: { note: `Message ${i}` } });
}
const queueMs = performance.now() - started;

started = performance.now();
let sent = 0;
while (sent < count) sent += (await deliverDueEmails(db(), transport, { batchSize: 50 })).sent;
const deliverMs = performance.now() - started;

console.log(`outbox: queued ${count} in ${queueMs.toFixed(0)} ms (${((count / queueMs) * 1000).toFixed(0)}/s, render + insert)`);
console.log(`outbox: delivered ${count} over SMTP in ${deliverMs.toFixed(0)} ms (${((count / deliverMs) * 1000).toFixed(0)}/s)`);
console.log(`outbox: rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);

transport.close();
await sink.stop();
await closeDb();
