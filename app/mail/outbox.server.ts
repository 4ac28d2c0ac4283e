import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import type { EmailTemplate } from "#emails/define";
import { now, nowIso } from "~/clock.server";
import { config } from "~/config.server";
import { attachmentsColumn, type EmailAttachment } from "./attachments.server";
import { renderEmail } from "./render.server";

export interface EmailRequest<Props> {
  to: string;
  template: EmailTemplate<Props>;
  props: Props;
  replyTo?: string;
  /** Extra headers, e.g. List-Unsubscribe for the bulletin. */
  headers?: Record<string, string>;
  /**
   * When the email is no longer worth sending (e.g. when the code in it expires): if it has not gone
   * by then, it is marked failed (expired) instead of arriving late.
   */
  expiresAt?: Date;
  /** Files sent with it (stored on its outbox row, so a retry sends the same ones). */
  attachments?: readonly EmailAttachment[];
  /**
   * The member it belongs to, for an email to an address that is no longer theirs (the notice of a
   * change to their old address, the confirmation of leaving), so it is not counted as the next
   * owner's. Other emails belong to whoever has the address they went to.
   */
  userId?: number;
}

/** Fixed at queue time so a retried delivery carries the same Message-ID and clients de-duplicate it. */
export function newMessageId(): string {
  return `<${randomUUID()}@${config().appUrl.hostname}>`;
}

/**
 * Queues an email in the outbox. Pass the transaction that makes the change the email is about,
 * so the email exists if and only if the change does. The worker delivers it.
 */
export async function enqueueEmail<Props>(executor: Kysely<DB>, request: EmailRequest<Props>): Promise<{ messageId: string }> {
  const settings = config();
  const rendered = await renderEmail(request.template, request.props, {
    appUrl: settings.appUrl.origin,
    contactEmail: settings.contactEmail,
  });
  const messageId = newMessageId();
  const createdAt = nowIso();
  await executor
    .insertInto("outbox")
    .values({
      message_id: messageId,
      template: request.template.name,
      to_address: request.to,
      from_address: settings.mailFrom,
      reply_to: request.replyTo ?? null,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers_json: JSON.stringify(request.headers ?? {}),
      status: "pending",
      next_attempt_at: createdAt,
      created_at: createdAt,
      expires_at: request.expiresAt?.toISOString() ?? null,
      sensitive: request.template.sensitive ? 1 : 0,
      attachments_json: attachmentsColumn(request.attachments),
      user_id: request.userId ?? null,
    })
    .execute();
  return { messageId };
}

export interface OutboxHealth {
  /** Messages still waiting to be delivered. */
  backlog: number;
  /** Messages that failed for good in the last 24 hours (refused, expired or out of retries). */
  failedLastDay: number;
}

/** For health checks and operators: what is waiting and what recently failed. */
export async function outboxHealth(executor: Kysely<DB>): Promise<OutboxHealth> {
  const since = new Date(now().getTime() - 24 * 60 * 60_000).toISOString();
  const row = await executor
    .selectNoFrom((eb) => [
      eb.selectFrom("outbox").select(eb.fn.countAll<number>().as("n")).where("status", "=", "pending").as("backlog"),
      eb.selectFrom("outbox").select(eb.fn.countAll<number>().as("n")).where("failed_at", ">=", since).as("failed"),
    ])
    .executeTakeFirstOrThrow();
  return { backlog: Number(row.backlog), failedLastDay: Number(row.failed) };
}
