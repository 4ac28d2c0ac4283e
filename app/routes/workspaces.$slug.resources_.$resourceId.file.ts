import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileResponse } from "~/files/file-response.server";
import { FILE_FORMATS } from "~/files/formats.server";
import { fileStorage } from "~/files/storage.server";
import { idParam } from "~/lib/params";
import { requireWorkspace } from "~/workspaces/access.server";
import { findResourceFile } from "~/workspaces/resources.server";

/**
 * A file from a workspace's resources, as a download, for those who may read the workspace: a private
 * workspace's files are "not found" to everyone else, like its other content, and a file is found only
 * through the workspace it belongs to, so no address leads to another workspace's file.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "read");
  const file = await findResourceFile(viewer.workspace.id, idParam(params.resourceId));
  if (!file) throw new Response(null, { status: 404 });
  return fileResponse(request, fileStorage(), {
    // A resource's file is never replaced, and ids are never reused (AUTOINCREMENT), so the id names this version.
    file: { id: file.id, storage_key: file.storage_key, content_type: FILE_FORMATS[file.format].contentType },
    downloadName: file.file_name,
    disposition: "attachment",
  });
}
