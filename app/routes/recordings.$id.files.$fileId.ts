import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/access.server";
import { idParam } from "~/lib/params";
import { fileResponse } from "~/recordings/file-response.server";
import { EXTENSIONS } from "~/recordings/file-types.server";
import { downloadName } from "~/recordings/recording-page.server";
import { fileStorage } from "~/recordings/storage.server";
import { findRecordingFile } from "~/recordings/library.server";

/**
 * A recording's video, captions or slides, for signed-in members only (visitors are sent to sign in
 * and come back here), with byte ranges so the video can seek. A file of an unpublished recording is
 * "not found" to members, exactly like a file that does not exist.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const found = await findRecordingFile(idParam(params.id), params.fileId ?? "");
  if (!found || (found.status !== "published" && !viewer.isAdmin)) throw new Response(null, { status: 404 });
  return fileResponse(request, fileStorage(), {
    file: found,
    downloadName: downloadName(found.title, found.kind, EXTENSIONS[found.format]),
    disposition: found.kind === "slides" ? "attachment" : "inline",
  });
}
