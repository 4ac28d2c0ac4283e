import { useState, type FormEvent, type ReactNode } from "react";
import { ErrorSummary, FileField, formGroupId, SubmitButton, type FieldError } from "~/ui/forms";

/**
 * A file upload form that works as a plain multipart form without JavaScript. With JavaScript it first
 * refuses a file over the size limit without sending it, then sends the form with XMLHttpRequest, whose
 * upload events give a progress bar (fetch cannot report upload progress), then follows the server's
 * redirect, or shows the errors from the page it answered.
 */
/** Where the server sends the progress-bar request after a successful upload (instead of a redirect). */
export const UPLOAD_NEXT_HEADER = "X-Upload-Next";

export function UploadForm({
  fileLabel,
  fileHint,
  accept,
  maxBytes,
  tooLarge,
  errors,
  children,
  button,
}: {
  fileLabel: string;
  fileHint: ReactNode;
  accept: string;
  /** The largest file the server takes, and what it says about a larger one. */
  maxBytes: number;
  tooLarge: string;
  /** Errors from the server's answer (without JavaScript, or before it loaded). */
  errors: FieldError[];
  /** Fields before the file (e.g. the slides' summary). */
  children?: ReactNode;
  button: string;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldError[] | null>(null);
  const shown = clientErrors ?? errors;
  const fileErrors = shown.filter((error) => error.fieldId === "file");

  const fileError = (message: string): FieldError => ({ fieldId: "file", groupId: formGroupId("file"), message });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const chosen = form.querySelector<HTMLInputElement>("input[type=file]")?.files?.[0];
    if (chosen && chosen.size > maxBytes) {
      setClientErrors([fileError(tooLarge)]);
      return;
    }
    const request = new XMLHttpRequest();
    request.open("POST", window.location.href);
    request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    request.upload.addEventListener("progress", (progressEvent) => {
      if (progressEvent.lengthComputable) setProgress(Math.floor((progressEvent.loaded / progressEvent.total) * 100));
    });
    request.addEventListener("load", () => {
      const next = request.getResponseHeader(UPLOAD_NEXT_HEADER);
      if (next?.startsWith("/")) {
        window.location.assign(next);
        return;
      }
      const answeredAt = request.responseURL ? new URL(request.responseURL) : undefined;
      if (answeredAt && answeredAt.pathname !== window.location.pathname) {
        window.location.assign(answeredAt.href);
        return;
      }
      // The server answered with this page again, showing what was wrong: show the same errors here.
      // (Rendered without JavaScript, its summary links to each field's form group.)
      const page = new DOMParser().parseFromString(request.responseText, "text/html");
      const found = [...page.querySelectorAll<HTMLAnchorElement>(".nhsuk-error-summary__list a")].map((link) => {
        const fieldId = link.hash.slice(1).replace(/-form-group$/, "") || "file";
        return { fieldId, groupId: formGroupId(fieldId), message: link.textContent ?? "" };
      });
      setProgress(null);
      // A body over the server's own ceiling is refused (413) before the page runs, with a plain page.
      const fallback = request.status === 413 ? tooLarge : "The upload did not finish. Try again";
      setClientErrors(found.length ? found : [fileError(fallback)]);
    });
    request.addEventListener("error", () => {
      setProgress(null);
      setClientErrors([fileError("The upload did not finish. Check your connection and try again")]);
    });
    setClientErrors([]);
    setProgress(0);
    request.send(new FormData(form));
  }

  return (
    <>
      <ErrorSummary errors={shown} />
      <form method="post" encType="multipart/form-data" onSubmit={onSubmit} noValidate>
        {children}
        <FileField id="file" name="file" label={fileLabel} hint={fileHint} errors={fileErrors.map((error) => error.message)} accept={accept} />
        {progress !== null ? (
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="upload-progress">
              Uploading
            </label>
            <progress className="spn-upload-progress" id="upload-progress" max={100} value={progress}>
              {progress}%
            </progress>
            <p role="status">{progress < 100 ? `${Math.floor(progress / 10) * 10}% sent` : "Sent. Checking the file…"}</p>
          </div>
        ) : null}
        <SubmitButton>{button}</SubmitButton>
      </form>
    </>
  );
}
