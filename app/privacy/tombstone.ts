/** What is left of a member who has left: an anonymised row (docs/decisions/0005-leaving.md). */
export const FORMER_MEMBER_NAME = "Former member";

/** A unique address that is nobody's (.invalid is reserved and never delivers). */
export function tombstoneEmail(userId: number): string {
  return `former-member-${userId}@removed.invalid`;
}

/** What staff see instead of the placeholder address of someone who has left. */
export function staffVisibleEmail(member: { status: string; email: string }): string {
  return member.status === "left" ? "None (left the network)" : member.email;
}
