import { setImmediate as nextTurn } from "node:timers/promises";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB, OutboxBody, OutboxMessage } from "#db/schema";
import type { EmailTemplate } from "#emails/define";
import { nowIso } from "~/clock.server";
import { config } from "~/config.server";
import { newMessageId } from "./outbox.server";
import { fillPlaceholders, placeholderNames } from "./placeholders.server";
import { renderEmail } from "./render.server";

export interface BulkRecipient {
  to: string;
  /** This recipient's values for the placeholders in the campaign's props (made with `placeholder`). */
  vars: Record<string, string>;
  /** This recipient's own headers, e.g. List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
}

export interface BulkEmailRequest<Props> {
  /**
   * Names the send (e.g. "bulletin:2027-01"). Queueing the same campaign again, say after a crash
   * part-way, adds only the recipients not queued yet, with the body stored the first time.
   */
  campaignKey: string;
  template: EmailTemplate<Props>;
  /** The campaign's props; wherever a recipient's own value goes, put `placeholder(name)`. */
  props: Props;
  recipients: readonly BulkRecipient[];
  replyTo?: string;
  /** Headers every recipient gets; a recipient's own headers win. */
  headers?: Record<string, string>;
  expiresAt?: Date;
}

export interface BulkEmailResult {
  bodyId: number;
  /** Rows added now (recipients already queued for the campaign are skipped). */
  queued: number;
}

const DEFAULT_BATCH = 500;

/**
 * Queues one email to each recipient, rendering the template once: the body is stored once
 * (outbox_bodies) and each row keeps only its recipient's values, filled in at delivery.
 *
 * It commits in batches (one insert of `batchSize` rows at a time, letting other work run between), so
 * it cannot join a caller's transaction: call it on the database, e.g. from a job. Sensitive templates
 * (codes) are refused: they are never bulk mail.
 */
export async function enqueueBulkEmail<Props>(
  db: Kysely<DB>,
  request: BulkEmailRequest<Props>,
  options: { batchSize?: number } = {},
): Promise<BulkEmailResult> {
  if (db.isTransaction) throw new Error("enqueueBulkEmail commits in batches of its own: call it outside a transaction");
  if (request.template.sensitive) throw new Error(`The "${request.template.name}" email holds a secret and cannot be sent in bulk`);
  const settings = config();
  const body = await campaignBody(db, request);
  const names = placeholderNames(body.subject, body.html, body.text);
  for (const recipient of request.recipients) {
    for (const name of names) {
      if (typeof recipient.vars[name] !== "string") throw new Error(`Recipient ${recipient.to} has no value for the placeholder "${name}"`);
    }
  }

  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const sharedHeaders = request.headers ?? {};
  const expiresAt = request.expiresAt?.toISOString() ?? null;
  let queued = 0;
  for (let start = 0; start < request.recipients.length; start += batchSize) {
    const createdAt = nowIso();
    const rows = request.recipients.slice(start, start + batchSize).map((recipient) => ({
      message_id: newMessageId(),
      template: body.template,
      to_address: recipient.to,
      from_address: settings.mailFrom,
      reply_to: request.replyTo ?? null,
      subject: fillPlaceholders(body.subject, recipient.vars, "text"),
      html: "",
      text: "",
      headers_json: JSON.stringify({ ...sharedHeaders, ...recipient.headers }),
      status: "pending" as const,
      next_attempt_at: createdAt,
      created_at: createdAt,
      body_id: body.id,
      vars_json: JSON.stringify(pick(recipient.vars, names)),
      expires_at: expiresAt,
    }));
    // One statement is one short write transaction; the unique (body_id, to_address) skips repeats.
    const result = await db
      .insertInto("outbox")
      .values(rows)
      .onConflict((oc) => oc.columns(["body_id", "to_address"]).doNothing())
      .executeTakeFirst();
    queued += Number(result.numInsertedOrUpdatedRows ?? 0);
    await nextTurn();
  }
  return { bodyId: body.id, queued };
}

/** The campaign's stored body, rendering and storing it the first time. */
async function campaignBody<Props>(db: Kysely<DB>, request: BulkEmailRequest<Props>): Promise<OutboxBody> {
  const existing = await findBody(db, request.campaignKey);
  if (existing) {
    if (existing.template !== request.template.name) {
      throw new Error(`Campaign "${request.campaignKey}" was queued with the "${existing.template}" email, not "${request.template.name}"`);
    }
    return existing;
  }
  const settings = config();
  const rendered = await renderEmail(request.template, request.props, {
    appUrl: settings.appUrl.origin,
    contactEmail: settings.contactEmail,
  });
  await db
    .insertInto("outbox_bodies")
    .values({
      campaign_key: request.campaignKey,
      template: request.template.name,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.column("campaign_key").doNothing())
    .execute();
  const stored = await findBody(db, request.campaignKey);
  if (!stored) throw new Error(`Campaign "${request.campaignKey}" could not be stored`);
  return stored;
}

function findBody(db: Kysely<DB>, campaignKey: string): Promise<OutboxBody | undefined> {
  return db.selectFrom("outbox_bodies").selectAll().where("campaign_key", "=", campaignKey).executeTakeFirst();
}

function pick(vars: Record<string, string>, names: Set<string>): Record<string, string> {
  return Object.fromEntries([...names].map((name) => [name, vars[name] ?? ""]));
}

const recipientVars = z.record(z.string(), z.string());

/**
 * A message's HTML and text as sent: its own, or for a bulk message the campaign's body with the
 * recipient's values filled in. `bodies` caches bodies across the messages of one delivery pass.
 */
export async function messageContent(
  executor: Kysely<DB>,
  message: OutboxMessage,
  bodies: Map<number, Promise<OutboxBody>> = new Map(),
): Promise<{ html: string; text: string }> {
  if (message.body_id === null) return { html: message.html, text: message.text };
  const bodyId = message.body_id;
  let body = bodies.get(bodyId);
  if (!body) {
    body = executor.selectFrom("outbox_bodies").selectAll().where("id", "=", bodyId).executeTakeFirstOrThrow();
    bodies.set(bodyId, body);
  }
  const { html, text } = await body;
  const vars = recipientVars.parse(JSON.parse(message.vars_json ?? "{}"));
  return { html: fillPlaceholders(html, vars, "html"), text: fillPlaceholders(text, vars, "text") };
}
