import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCurrentUser } from "~/auth/access.server";
import { idParam } from "~/lib/params";
import { fileResponse } from "~/files/file-response.server";
import { downloadName } from "~/recordings/recording-page.server";
import { fileStorage } from "~/files/storage.server";
import { findRecordingFile } from "~/recordings/library.server";

/**
 * A recording's video, captions or slides, for signed-in members only, with byte ranges so the video
 * can seek. Anyone else (a visitor, a joiner not yet approved) is refused (403) before anything is
 * looked up, whatever the address, ranges included: a video player or a guessed address has no use for
 * a sign-in page, and the recording's page offers sign-in. A file of an unpublished recording is "not
 * found" to members, exactly like a file that does not exist.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getCurrentUser(request);
  if (!viewer) {
    throw new Response("Recordings and their files are for network members. Sign in to the portal, then open the recording's page.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const found = await findRecordingFile(idParam(params.id), params.fileId ?? "");
  if (!found || (found.status !== "published" && !viewer.isAdmin)) throw new Response(null, { status: 404 });
  return fileResponse(request, fileStorage(), {
    file: found,
    downloadName: downloadName(found.title, found.kind, found.format),
    disposition: found.kind === "slides" ? "attachment" : "inline",
  });
}
