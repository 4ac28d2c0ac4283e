/** The name of a create form's one-time token field (app/lib/once.server.ts). */
export const ONCE_FIELD = "once";

/**
 * A create form's one-time token, from its loader (newOnceToken): sent twice, the same submission
 * creates one thing, however the second copy comes (a double click, a resend, another tab).
 */
export function OnceField({ token }: { token: string }) {
  return <input type="hidden" name={ONCE_FIELD} value={token} />;
}
