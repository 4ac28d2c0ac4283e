import { redirectWithFlash } from "~/lib/flash.server";

/** What the bulletin's staff page says once after each action (a signed one-time flash, so a link cannot show one). */
const OUTCOMES = {
  saved: "Saved. Check the preview below before sending.",
  test: "A test copy is on its way to your email address.",
  sent: "Sending has started. The figures below show how far it has got.",
  "already-sent": "This bulletin had already started sending, so it was not sent again. The figures below show how far it has got.",
  scheduled: "Scheduled. It will be sent at the time shown.",
  "schedule-cancelled": "The schedule is cancelled. The bulletin is a draft again.",
  public: "Anyone visiting the portal can now read this bulletin in the archive.",
  "members-only": "Only signed-in members can now read this bulletin in the archive.",
} as const;

export function redirectToBulletin(id: number, outcome: keyof typeof OUTCOMES): Response {
  return redirectWithFlash(`/admin/bulletins/${id}`, OUTCOMES[outcome]);
}
