import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { nowIso } from "~/clock.server";
import { db } from "~/db.server";
import { storedFileName } from "~/files/formats.server";
import { fileStorage } from "~/files/storage.server";
import type { StoredFile } from "~/files/uploads.server";
import { recordOnce, type Once } from "~/lib/once.server";
import type { WorkspaceViewer } from "./access.server";
import { workspacesAudit } from "./audit-actions.server";
import { RESOURCE_FILE_TYPES, type ResourceFileFormat } from "./resource-files";

/**
 * The workspace's resources list, kept by its leads: links to documents, sites and training, and
 * files (the bytes in file storage under a random key, served only to those who may read the workspace).
 */

const SHOWN = 200;

export type ResourceKind = "link" | "file";

export type ListedResource = { id: number; title: string; description: string | null; created_at: string } & (
  | { kind: "link"; url: string }
  | { kind: "file"; href: string; fileName: string; type: string; bytes: number }
);

export function resourceFileHref(workspace: { slug: string }, id: number): string {
  return `/workspaces/${workspace.slug}/resources/${id}/file`;
}

/** Links and files together, newest first. */
export async function listResources(workspace: { id: number; slug: string }): Promise<ListedResource[]> {
  const [links, files] = await Promise.all([
    db()
      .selectFrom("workspace_resources")
      .select(["id", "title", "url", "description", "created_at"])
      .where("workspace_id", "=", workspace.id)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(SHOWN)
      .execute(),
    db()
      .selectFrom("workspace_resource_files")
      .select(["id", "title", "description", "file_name", "format", "byte_size", "created_at"])
      .where("workspace_id", "=", workspace.id)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(SHOWN)
      .execute(),
  ]);
  const listed: ListedResource[] = [
    ...links.map((link) => ({ ...link, kind: "link" as const })),
    ...files.map(({ file_name, format, byte_size, ...file }) => ({
      ...file,
      kind: "file" as const,
      href: resourceFileHref(workspace, file.id),
      fileName: file_name,
      type: RESOURCE_FILE_TYPES[format],
      bytes: byte_size,
    })),
  ];
  return listed.sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id).slice(0, SHOWN);
}

type ResourceInput = { title: string; description?: string };

/** The columns links and files share, for a resource the viewer adds now. */
function addedBy(viewer: WorkspaceViewer, input: ResourceInput) {
  return {
    workspace_id: viewer.workspace.id,
    title: input.title,
    description: input.description?.trim() || null,
    added_by: viewer.current.user.id,
    created_at: nowIso(),
  };
}

/** Saves a new resource (`insert` returns its id) and its audit entry together. */
async function added(
  viewer: WorkspaceViewer,
  subjectType: "workspace_resource" | "workspace_resource_file",
  insert: (trx: Kysely<DB>) => Promise<{ id: number }>,
  details: Record<string, unknown>,
  once: Once | undefined,
) {
  await db()
    .transaction()
    .execute(async (trx) => {
      const row = await insert(trx);
      await workspacesAudit.record(trx, {
        actorUserId: viewer.current.user.id,
        action: "workspace.resource_added",
        subjectType,
        subjectId: row.id,
        details: { workspaceId: viewer.workspace.id, ...details },
      });
      await recordOnce(trx, once, row.id);
    });
}

export async function addResource(viewer: WorkspaceViewer, input: ResourceInput & { url: string }, once?: Once): Promise<void> {
  await added(
    viewer,
    "workspace_resource",
    (trx) =>
      trx
        .insertInto("workspace_resources")
        .values({ ...addedBy(viewer, input), url: input.url })
        .returning("id")
        .executeTakeFirstOrThrow(),
    {},
    once,
  );
}

/** Lists a file already in storage; if that fails, the stored file is deleted rather than left unlisted. */
export async function addResourceFile(viewer: WorkspaceViewer, input: ResourceInput, file: StoredFile<ResourceFileFormat>, once?: Once): Promise<void> {
  const fileName = storedFileName(file.uploadedName, file.format);
  try {
    await added(
      viewer,
      "workspace_resource_file",
      (trx) =>
        trx
          .insertInto("workspace_resource_files")
          .values({ ...addedBy(viewer, input), file_name: fileName, format: file.format, byte_size: file.size, storage_key: file.key })
          .returning("id")
          .executeTakeFirstOrThrow(),
      { file: fileName, bytes: file.size },
      once,
    );
  } catch (error) {
    await fileStorage().delete(file.key);
    throw error;
  }
}

/** Takes a link or a file off the list (a file's stored bytes are deleted once that is saved). */
export async function removeResource(viewer: WorkspaceViewer, kind: ResourceKind, resourceId: number): Promise<boolean> {
  const removed = await db()
    .transaction()
    .execute(async (trx) => {
      let file: { storage_key: string; file_name: string } | undefined;
      if (kind === "file") {
        file = await trx
          .deleteFrom("workspace_resource_files")
          .where("id", "=", resourceId)
          .where("workspace_id", "=", viewer.workspace.id)
          .returning(["storage_key", "file_name"])
          .executeTakeFirst();
        if (!file) return undefined;
      } else {
        const deleted = await trx.deleteFrom("workspace_resources").where("id", "=", resourceId).where("workspace_id", "=", viewer.workspace.id).executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) return undefined;
      }
      await workspacesAudit.record(trx, {
        actorUserId: viewer.current.user.id,
        action: "workspace.resource_removed",
        subjectType: kind === "file" ? "workspace_resource_file" : "workspace_resource",
        subjectId: resourceId,
        details: { workspaceId: viewer.workspace.id, ...(file && { file: file.file_name }) },
      });
      return { file };
    });
  if (removed?.file) await fileStorage().delete(removed.file.storage_key);
  return removed !== undefined;
}

/** A file on the workspace's list, for downloading (the caller has checked the viewer may read the workspace). */
export async function findResourceFile(workspaceId: number, resourceId: number) {
  return db()
    .selectFrom("workspace_resource_files")
    .select(["id", "file_name", "format", "storage_key"])
    .where("id", "=", resourceId)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
}
