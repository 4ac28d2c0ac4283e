import type { Bulletin } from "#db/schema";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { paginate } from "~/lib/paging.server";
import { renderBulletinBody } from "./markdown.server";

/** Past bulletins for reading on the portal: members see every one sent, visitors the ones staff made public. */

export async function listArchive(options: { member: boolean; page: number }) {
  let query = db().selectFrom("bulletins").where("status", "in", ["sending", "sent"]);
  if (!options.member) query = query.where("is_public", "=", 1);
  return paginate(query, { page: options.page, pageSize: 20 }, (q) =>
    q.select(["id", "subject", "preheader", "send_started_at", "is_public"]).orderBy("send_started_at", "desc").orderBy("id", "desc"),
  );
}

/** A bulletin that has been sent, or undefined (drafts and scheduled ones are not in the archive). */
export async function findArchivedBulletin(id: number): Promise<Bulletin | undefined> {
  return db().selectFrom("bulletins").selectAll().where("id", "=", id).where("status", "in", ["sending", "sent"]).executeTakeFirst();
}

/** The body as sanitised HTML for the portal's pages. */
export function archiveBodyHtml(bulletin: Pick<Bulletin, "body_markdown">): string {
  return renderBulletinBody(bulletin.body_markdown, { appOrigin: config().appUrl.origin, flavour: "web" });
}
