/** A recording's status as a tag for staff pages. */
export function RecordingStatusTag({ status }: { status: "draft" | "published" }) {
  return status === "published" ? (
    <strong className="nhsuk-tag nhsuk-tag--green">Published</strong>
  ) : (
    <strong className="nhsuk-tag nhsuk-tag--grey">Draft</strong>
  );
}
