import type { Bulletin } from "#db/schema";
import { bulletinEmail, type BulletinEmailProps } from "#emails/bulletin";
import { config } from "~/config.server";
import { placeholder, renderCampaign, type RenderedCampaign } from "./bulk-mail.server";
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

/** The bulletin rendered once for everyone, with a placeholder where each member's unsubscribe address goes. */
export function renderBulletinCampaign(bulletin: Bulletin): Promise<RenderedCampaign> {
  return renderCampaign(bulletinEmail, bulletinEmailProps(bulletin, placeholder("unsubscribeUrl")));
}
