import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/access.server";
import { flashCookie, redirectWithFlash } from "~/lib/flash.server";
import { idParam } from "~/lib/params";
import { attachUpload, staffRecording } from "~/recordings/admin.server";
import { CAPTION_COVERAGE } from "~/recordings/coverage";
import { isUploadKind, UPLOAD_KINDS, type UploadKind } from "~/recordings/file-types.server";
import { slidesSummarySchema } from "~/recordings/recording-schema";
import { fileStorage } from "~/files/storage.server";
import { UPLOAD_NEXT_HEADER, UploadForm } from "~/recordings/upload-form";
import { receiveUpload } from "~/recordings/uploads.server";
import { tooLargeMessage } from "~/files/upload-rules";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formGroupId, TextareaField, type FieldError } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";
import { sizeInWords } from "~/files/sizes";

const HEADINGS: Record<UploadKind, string> = { video: "Upload the video", captions: "Upload captions", slides: "Upload slides" };
const UPLOADED: Record<UploadKind, string> = {
  video: "Video uploaded.",
  captions: "Captions uploaded. They passed the WebVTT check.",
  slides: "Slides uploaded.",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? HEADINGS[data.kind] : "Upload"} – Staff tools – Social Prescribing Network` },
];

function kindParam(value: string | undefined): UploadKind {
  if (!isUploadKind(value)) throw new Response(null, { status: 404 });
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = idParam(params.id);
  const kind = kindParam(params.kind);
  const { recording, files } = await staffRecording(id);
  const spec = UPLOAD_KINDS[kind];
  return {
    id,
    kind,
    title: recording.title,
    replacing: files.some((file) => file.kind === kind),
    slidesSummary: recording.slides_summary ?? "",
    accept: spec.accept,
    described: spec.described,
    maxBytes: spec.maxBytes,
    tooLarge: tooLargeMessage(spec),
  };
}

// Remix passes on an action's cookies by itself, other headers only through here.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const passed = new Headers();
  const next = actionHeaders.get(UPLOAD_NEXT_HEADER);
  if (next) passed.set(UPLOAD_NEXT_HEADER, next);
  return passed;
};

/** Access and the recording are checked before the body is read, so nothing is stored for a refused request. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const id = idParam(params.id);
  const kind = kindParam(params.kind);
  await staffRecording(id);
  const upload = await receiveUpload(request, kind, fileStorage());
  const summaryText = upload.fields.summary ?? "";
  const summary = kind === "slides" ? slidesSummarySchema.safeParse(summaryText) : undefined;
  const summaryErrors = summary && !summary.success ? summary.error.issues.map((issue) => issue.message) : [];
  // Refusals answer with this page, the problem by its field, and a status saying why (413, 415 or 400).
  if (!upload.ok || summaryErrors.length) {
    if (upload.ok) await fileStorage().delete(upload.file.key);
    return data(
      { fileErrors: upload.ok ? [] : upload.problems, summaryErrors, formErrors: [] as string[], summary: summaryText },
      { status: upload.ok ? 400 : upload.status },
    );
  }
  const result = await attachUpload(user.id, id, kind, upload.file, { slidesSummary: summary?.data });
  if (!result.ok) return data({ fileErrors: [] as string[], summaryErrors: [] as string[], formErrors: result.formErrors ?? [], summary: summaryText }, { status: 400 });
  const next = `/admin/recordings/${id}`;
  if (request.headers.get("X-Requested-With") === "XMLHttpRequest") {
    // The upload form's progress-bar request (upload-form.tsx): it would follow a redirect itself and use up
    // the one-time message, so it is told where to go next and the browser goes there.
    const headers = { "Set-Cookie": flashCookie(next, { message: UPLOADED[kind] }), [UPLOAD_NEXT_HEADER]: next };
    return data({ fileErrors: [] as string[], summaryErrors: [] as string[], formErrors: [] as string[], summary: summaryText }, { headers });
  }
  throw redirectWithFlash(next, UPLOADED[kind]);
}

function hintFor(kind: UploadKind, maxBytes: number): string {
  const size = sizeInWords(maxBytes);
  if (kind === "video") return `An MP4 or WebM file, up to ${size}. Its length is read from the file.`;
  if (kind === "captions") {
    return `A WebVTT file (.vtt), up to ${size}. It is checked as it arrives: a file with mistakes is refused with the line of each one. The captions must run to at least ${Math.round(CAPTION_COVERAGE * 100)}% of the video.`;
  }
  return `A PDF or PowerPoint (.pptx) file, up to ${size}.`;
}

export default function UploadFile() {
  const { id, kind, title, replacing, slidesSummary, accept, maxBytes, tooLarge } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const errors: FieldError[] = [
    ...(answer?.summaryErrors ?? []).map((message) => ({ fieldId: "summary", groupId: formGroupId("summary"), message })),
    ...[...(answer?.fileErrors ?? []), ...(answer?.formErrors ?? [])].map((message) => ({ fieldId: "file", groupId: formGroupId("file"), message })),
  ];
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: "Home" },
          { to: "/admin/recordings", label: "Recordings" },
          { to: `/admin/recordings/${id}`, label: title },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{title}</span>
          <h1>{HEADINGS[kind]}</h1>
          {replacing ? <p>This replaces the file uploaded before.</p> : null}
          <UploadForm
            fileLabel={kind === "video" ? "Video file" : kind === "captions" ? "Captions file" : "Slides file"}
            fileHint={hintFor(kind, maxBytes)}
            accept={accept}
            maxBytes={maxBytes}
            tooLarge={tooLarge}
            errors={errors}
            button="Upload"
          >
            {kind === "slides" ? (
              <TextareaField
                id="summary"
                name="summary"
                label="Summary of the slides"
                hint="A few sentences saying what the slides show, for people who cannot open or see them."
                rows={4}
                defaultValue={answer?.summary ?? slidesSummary}
                errors={answer?.summaryErrors}
              />
            ) : null}
          </UploadForm>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
