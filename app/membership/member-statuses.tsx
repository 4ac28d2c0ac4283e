/** Member statuses as staff see them (shared by server and browser code). */
export const MEMBER_STATUSES = [
  { value: "pending", label: "Waiting for approval", tag: "nhsuk-tag--yellow" },
  { value: "active", label: "Active", tag: "nhsuk-tag--green" },
  { value: "unverified", label: "Email not confirmed", tag: "nhsuk-tag--grey" },
  { value: "declined", label: "Declined", tag: "nhsuk-tag--orange" },
  { value: "removed", label: "Removed", tag: "nhsuk-tag--red" },
  { value: "left", label: "Left the network", tag: "nhsuk-tag--grey" },
] as const;

export type MemberStatus = (typeof MEMBER_STATUSES)[number]["value"];

export function isMemberStatus(value: string): value is MemberStatus {
  return MEMBER_STATUSES.some((status) => status.value === value);
}

export function StatusTag({ status }: { status: string }) {
  const known = MEMBER_STATUSES.find((option) => option.value === status);
  return <strong className={`nhsuk-tag ${known?.tag ?? "nhsuk-tag--grey"}`}>{known?.label ?? status}</strong>;
}
