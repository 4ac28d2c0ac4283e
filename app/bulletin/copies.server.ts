import { sql, type RawBuilder } from "kysely";
import type { Bulletin } from "#db/schema";
import type { BulletinEmailProps } from "#emails/bulletin";
import { config } from "~/config.server";
import { renderBulletinBody } from "./markdown.server";

/** What goes into every copy of a bulletin; `unsubscribeUrl` differs per member. */
export function bulletinEmailProps(bulletin: Pick<Bulletin, "id" | "subject" | "preheader" | "body_markdown">, unsubscribeUrl: string): BulletinEmailProps {
  const origin = config().appUrl.origin;
  return {
    subject: bulletin.subject,
    preheader: bulletin.preheader,
    bodyHtml: renderBulletinBody(bulletin.body_markdown, { appOrigin: origin, flavour: "email" }),
    archiveUrl: `${origin}/bulletins/${bulletin.id}`,
    unsubscribeUrl,
  };
}

const CAMPAIGN_PREFIX = "bulletin:";

/** The bulk send's name in the outbox (outbox_bodies.campaign_key): its copies are found by it and the address. */
export function campaignKey(bulletinId: number): string {
  return `${CAMPAIGN_PREFIX}${bulletinId}`;
}

/** campaignKey() in SQL, of a column holding the bulletin id (e.g. "r.bulletin_id"), for queries that join to the outbox. */
export function campaignKeySql(bulletinIdColumn: string): RawBuilder<string> {
  return sql<string>`${CAMPAIGN_PREFIX} || ${sql.ref(bulletinIdColumn)}`;
}

/** The bulletin id a campaign key names, or undefined for another feature's campaign. */
export function bulletinIdOfCampaign(key: string): number | undefined {
  if (!key.startsWith(CAMPAIGN_PREFIX)) return undefined;
  const id = key.slice(CAMPAIGN_PREFIX.length);
  return /^\d+$/.test(id) ? Number(id) : undefined;
}
