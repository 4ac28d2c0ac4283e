/** Bulletin statuses as staff see them (shared by server and browser code). */
export const BULLETIN_STATUSES = {
  draft: { label: "Draft", tag: "nhsuk-tag--grey" },
  scheduled: { label: "Scheduled", tag: "nhsuk-tag--blue" },
  sending: { label: "Sending", tag: "nhsuk-tag--yellow" },
  sent: { label: "Sent", tag: "nhsuk-tag--green" },
} as const;

export function BulletinStatusTag({ status }: { status: keyof typeof BULLETIN_STATUSES }) {
  const { label, tag } = BULLETIN_STATUSES[status];
  return <strong className={`nhsuk-tag ${tag}`}>{label}</strong>;
}
