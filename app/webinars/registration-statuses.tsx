import type { WebinarRegistrationStatus } from "#db/schema";

/** Registration statuses as staff and members read them (shared by server and browser code). */
export const REGISTRATION_STATUSES: ReadonlyArray<{ value: WebinarRegistrationStatus; label: string; tag: string }> = [
  { value: "pending", label: "Waiting for approval", tag: "nhsuk-tag--yellow" },
  { value: "approved", label: "Approved", tag: "nhsuk-tag--green" },
  { value: "waitlisted", label: "On the waiting list", tag: "nhsuk-tag--blue" },
  { value: "declined", label: "Declined", tag: "nhsuk-tag--orange" },
  { value: "cancelled", label: "Cancelled", tag: "nhsuk-tag--grey" },
];

export function isRegistrationStatus(value: string): value is WebinarRegistrationStatus {
  return REGISTRATION_STATUSES.some((status) => status.value === value);
}

export function registrationStatusLabel(status: string): string {
  return REGISTRATION_STATUSES.find((option) => option.value === status)?.label ?? status;
}

export function RegistrationStatusTag({ status }: { status: string }) {
  const known = REGISTRATION_STATUSES.find((option) => option.value === status);
  return <strong className={`nhsuk-tag ${known?.tag ?? "nhsuk-tag--grey"}`}>{known?.label ?? status}</strong>;
}

/** A link used from this many browsers or more is flagged as possibly shared: one person often uses two (a laptop, then a phone). */
export const POSSIBLY_SHARED_BROWSERS = 3;
