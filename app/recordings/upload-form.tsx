import { useState, type FormEvent, type ReactNode } from "react";
import { ErrorSummary, SubmitButton, type FieldError } from "~/ui/forms";

/**
 * A file upload form that works as a plain multipart form without JavaScript. With JavaScript it sends
 * the same form with XMLHttpRequest, whose upload events give a progress bar (fetch cannot report
 * upload progress), then follows the server's redirect, or shows the errors from the page it answered.
 */
export function UploadForm({
  fileLabel,
  fileHint,
  accept,
  errors,
  children,
  button,
}: {
  fileLabel: string;
  fileHint: ReactNode;
  accept: string;
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

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const request = new XMLHttpRequest();
    request.open("POST", window.location.href);
    request.upload.addEventListener("progress", (progressEvent) => {
      if (progressEvent.lengthComputable) setProgress(Math.floor((progressEvent.loaded / progressEvent.total) * 100));
    });
    request.addEventListener("load", () => {
      const answeredAt = request.responseURL ? new URL(request.responseURL) : undefined;
      if (answeredAt && answeredAt.pathname !== window.location.pathname) {
        window.location.assign(answeredAt.href);
        return;
      }
      // The server answered with this page again, showing what was wrong: show the same errors here.
      const page = new DOMParser().parseFromString(request.responseText, "text/html");
      const found = [...page.querySelectorAll<HTMLAnchorElement>(".nhsuk-error-summary__list a")].map((link) => ({
        fieldId: link.hash.slice(1) || "file",
        message: link.textContent ?? "",
      }));
      setProgress(null);
      setClientErrors(found.length ? found : [{ fieldId: "file", message: "The upload did not finish. Try again" }]);
    });
    request.addEventListener("error", () => {
      setProgress(null);
      setClientErrors([{ fieldId: "file", message: "The upload did not finish. Check your connection and try again" }]);
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
        <div className={`nhsuk-form-group${fileErrors.length ? " nhsuk-form-group--error" : ""}`}>
          <label className="nhsuk-label" htmlFor="file">
            {fileLabel}
          </label>
          <div className="nhsuk-hint" id="file-hint">
            {fileHint}
          </div>
          {fileErrors.length ? (
            <span className="nhsuk-error-message" id="file-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {fileErrors.map((error) => error.message).join(". ")}
            </span>
          ) : null}
          <input
            className="nhsuk-file-upload__input"
            id="file"
            name="file"
            type="file"
            accept={accept}
            aria-describedby={fileErrors.length ? "file-hint file-error" : "file-hint"}
          />
        </div>
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
