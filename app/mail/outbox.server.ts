import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import type { EmailTemplate } from "#emails/define";
import { nowIso } from "~/clock.server";
import { config } from "~/config.server";
import { renderEmail } from "./render.server";

export interface EmailRequest<Props> {
  to: string;
  template: EmailTemplate<Props>;
  props: Props;
  replyTo?: string;
  /** Extra headers, e.g. List-Unsubscribe for the bulletin. */
  headers?: Record<string, string>;
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
  // Fixed at queue time so a retried delivery carries the same Message-ID and clients de-duplicate it.
  const messageId = `<${randomUUID()}@${settings.appUrl.hostname}>`;
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
    })
    .execute();
  return { messageId };
}

/** Messages still waiting to be delivered (pending), for health checks. */
export async function outboxBacklog(executor: Kysely<DB>): Promise<number> {
  const row = await executor
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
