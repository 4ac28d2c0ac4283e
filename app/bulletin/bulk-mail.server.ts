import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import type { EmailTemplate } from "#emails/define";
import { nowIso } from "~/clock.server";
import { config } from "~/config.server";
import { renderEmail, type RenderedEmail } from "~/mail/render.server";

/**
 * Stand-in for the mail layer's `enqueueBulkEmail` (branch `mail`): renders a campaign once with
 * placeholders such as {{unsubscribeUrl}}, then queues one outbox row per recipient with their own
 * values and headers. Replaced by the real call when it reaches main; nothing else in the bulletin
 * writes to the outbox table.
 */

export function placeholder(name: string): string {
  return `{{${name}}}`;
}

export interface BulkRecipient {
  to: string;
  vars: Record<string, string>;
  headers: Record<string, string>;
}

export interface RenderedCampaign {
  template: string;
  email: RenderedEmail;
}

export async function renderCampaign<Props>(template: EmailTemplate<Props>, props: Props): Promise<RenderedCampaign> {
  const settings = config();
  const email = await renderEmail(template, props, { appUrl: settings.appUrl.origin, contactEmail: settings.contactEmail });
  return { template: template.name, email };
}

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function fill(body: string, vars: Record<string, string>, escape: (value: string) => string): string {
  return body.replace(/\{\{([A-Za-z]+)\}\}/g, (whole, name: string) => (name in vars ? escape(vars[name]!) : whole));
}

/** Queues one copy per recipient; returns each copy's Message-ID, in the recipients' order. */
export async function enqueueBulkCopies(executor: Kysely<DB>, campaign: RenderedCampaign, recipients: readonly BulkRecipient[]): Promise<string[]> {
  if (recipients.length === 0) return [];
  const settings = config();
  const createdAt = nowIso();
  const rows = recipients.map((recipient) => ({
    message_id: `<${randomUUID()}@${settings.appUrl.hostname}>`,
    template: campaign.template,
    to_address: recipient.to,
    from_address: settings.mailFrom,
    reply_to: null,
    subject: campaign.email.subject,
    html: fill(campaign.email.html, recipient.vars, escapeHtml),
    text: fill(campaign.email.text, recipient.vars, (value) => value),
    headers_json: JSON.stringify(recipient.headers),
    status: "pending" as const,
    next_attempt_at: createdAt,
    created_at: createdAt,
  }));
  // SQLite allows 999 bound values a statement in older builds; 12 columns a row keeps 80 rows well inside.
  for (let start = 0; start < rows.length; start += 80) {
    await executor.insertInto("outbox").values(rows.slice(start, start + 80)).execute();
  }
  return rows.map((row) => row.message_id);
}
