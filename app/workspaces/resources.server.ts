import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import type { WorkspaceViewer } from "./access.server";
import { workspacesAudit } from "./audit-actions.server";

/** The workspace's resources list: links to documents, sites and training kept by its leads. */

export async function listResources(workspaceId: number) {
  return db()
    .selectFrom("workspace_resources")
    .select(["id", "title", "url", "description", "created_at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(200)
    .execute();
}

export async function addResource(viewer: WorkspaceViewer, input: { title: string; url: string; description?: string }): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("workspace_resources")
        .values({
          workspace_id: viewer.workspace.id,
          title: input.title,
          url: input.url,
          description: input.description?.trim() || null,
          added_by: viewer.current.user.id,
          created_at: nowIso(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await workspacesAudit.record(trx, {
        actorUserId: viewer.current.user.id,
        action: "workspace.resource_added",
        subjectType: "workspace_resource",
        subjectId: row.id,
        details: { workspaceId: viewer.workspace.id },
      });
    });
}

export async function removeResource(viewer: WorkspaceViewer, resourceId: number): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const deleted = await trx.deleteFrom("workspace_resources").where("id", "=", resourceId).where("workspace_id", "=", viewer.workspace.id).executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) return false;
      await workspacesAudit.record(trx, {
        actorUserId: viewer.current.user.id,
        action: "workspace.resource_removed",
        subjectType: "workspace_resource",
        subjectId: resourceId,
        details: { workspaceId: viewer.workspace.id },
      });
      return true;
    });
}
