import type { Bulletin } from "#db/schema";
import { bulletinEmail } from "#emails/bulletin";
import { config } from "~/config.server";
import { renderEmail, type RenderedEmail } from "~/mail/render.server";
import { bulletinEmailProps } from "./copies.server";

/**
 * The bulletin as members get it, for staff to check. Each copy's unsubscribe link is made when the copy
 * is queued, so the preview (a page view, which changes nothing) shows an example address in its place;
 * a test copy carries a real link of the staff member's own.
 */
export function renderPreview(bulletin: Bulletin): Promise<RenderedEmail> {
  const settings = config();
  const exampleLink = `${settings.appUrl.origin}/unsubscribe/example`;
  return renderEmail(bulletinEmail, bulletinEmailProps(bulletin, exampleLink), {
    appUrl: settings.appUrl.origin,
    contactEmail: settings.contactEmail,
  });
}
