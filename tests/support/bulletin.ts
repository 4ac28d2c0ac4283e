import { createBulletin, sendBulletinNow } from "~/bulletin/bulletins.server";
import { db } from "~/db.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { runDueJobs } from "~/jobs/jobs.server";
import { deliverDueEmails } from "~/mail/delivery.server";
import type { MailTransport } from "~/mail/transport.server";

/** Helpers for the bulletin's tests: write one, send it (running the queueing job), deliver the outbox. */

let counter = 0;

export async function writeBulletin(staffId: number, input: { subject?: string; preheader?: string; body?: string } = {}): Promise<number> {
  counter += 1;
  return createBulletin(staffId, {
    subject: input.subject ?? `Network bulletin ${counter}`,
    preheader: input.preheader ?? "What is new this month",
    body: input.body ?? "## News\n\nRead [the FAQ](/faq) and ![a walking group](https://images.example.org/walk.jpg).",
  });
}

/** Sends a bulletin now and runs the job that queues its copies; returns how many were queued. */
export async function sendAndQueue(staffId: number, bulletinId: number): Promise<number> {
  await sendBulletinNow(staffId, bulletinId);
  await runDueJobs(db(), jobHandlers);
  return countCopies(bulletinId);
}

export async function countCopies(bulletinId: number): Promise<number> {
  const row = await db()
    .selectFrom("bulletin_recipients")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("bulletin_id", "=", bulletinId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The addresses a bulletin was queued for, sorted. */
export async function recipientsOf(bulletinId: number): Promise<string[]> {
  const rows = await db().selectFrom("bulletin_recipients").select("to_address").where("bulletin_id", "=", bulletinId).execute();
  return rows.map((row) => row.to_address ?? "").sort();
}

/** Delivers everything due, batch after batch. */
export async function deliverAll(transport: MailTransport): Promise<void> {
  for (;;) {
    const result = await deliverDueEmails(db(), transport, { batchSize: 50 });
    if (result.sent + result.retrying + result.failed === 0) return;
  }
}
