import type { Bulletin } from "#db/schema";
import { bulletinEmail } from "#emails/bulletin";
import { config } from "~/config.server";
import { renderEmail, type RenderedEmail } from "~/mail/render.server";
import { bulletinEmailProps } from "./copies.server";
import { unsubscribeUrl } from "./unsubscribe-token.server";

/** The bulletin as the member of staff looking at it would get it (their own unsubscribe link included). */
export function renderPreview(bulletin: Bulletin, viewerId: number): Promise<RenderedEmail> {
  const settings = config();
  return renderEmail(bulletinEmail, bulletinEmailProps(bulletin, unsubscribeUrl(viewerId)), {
    appUrl: settings.appUrl.origin,
    contactEmail: settings.contactEmail,
  });
}

