import type { OutboxMessage } from "#db/schema";
import { createBulletin, sendBulletinNow } from "~/bulletin/bulletins.server";
import { newUnsubscribeTokens } from "~/bulletin/unsubscribe-token.server";
import { db } from "~/db.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { runDueJobs } from "~/jobs/jobs.server";
import { deliverDueEmails } from "~/mail/delivery.server";
import { permanentFailureHandlers } from "~/mail/failure-handlers.server";
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

/** A working unsubscribe link's token for the member, as if from a copy of a bulletin sent to them. */
export async function unsubscribeTokenFor(userId: number): Promise<string> {
  const at = new Date().toISOString();
  const { id } = await db()
    .insertInto("bulletins")
    .values({ subject: "Sent before", preheader: "", body_markdown: "News", status: "sent", is_public: 0, created_at: at, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  const [token] = await newUnsubscribeTokens(db(), id, [userId]);
  return token!;
}

/** Sends a bulletin now and runs the job that queues its copies; returns how many were queued. */
export async function sendAndQueue(staffId: number, bulletinId: number): Promise<number> {
  await sendBulletinNow(staffId, bulletinId);
  await runDueJobs(db(), jobHandlers());
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

/** Delivers everything due, batch after batch, telling the features of permanent failures as the worker does. */
export async function deliverAll(transport: MailTransport): Promise<void> {
  for (;;) {
    const result = await deliverDueEmails(db(), transport, { batchSize: 50, onPermanentFailure: permanentFailureHandlers() });
    if (result.sent + result.retrying + result.failed + result.expired === 0) return;
  }
}

/** An outbox row as the mail layer hands a permanent failure to the features' handlers. */
export function refusedCopy(to: string, code: number, response: string, template = "bulletin"): OutboxMessage {
  return {
    id: 0,
    message_id: "<refused@localhost>",
    template,
    to_address: to,
    from_address: "no-reply@spn.example.org",
    reply_to: null,
    subject: "Network bulletin",
    html: "",
    text: "",
    headers_json: "{}",
    status: "failed",
    attempts: 1,
    next_attempt_at: new Date().toISOString(),
    locked_until: null,
    last_error: response,
    delivered_via: null,
    created_at: new Date().toISOString(),
    sent_at: null,
    body_id: null,
    vars_json: null,
    expires_at: null,
    sensitive: 0,
    failure_kind: "permanent",
    failure_code: code,
    failed_at: new Date().toISOString(),
    attachments_json: null,
    user_id: null,
  };
}
