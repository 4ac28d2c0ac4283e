import { redirectWithFlash } from "~/lib/flash.server";

/**
 * What a workspace page says after an action, by the page the action redirects to. The message travels in
 * the one-time signed flash (~/lib/flash.server) rather than the query string, so a link cannot make a page
 * announce something that did not happen ("Member removed…").
 */
const OUTCOMES = {
  workspace: {
    joined: "You have joined this workspace.",
    left: "You have left this workspace.",
    requested: "Your request has been sent. We will email you when the workspace's leads decide.",
    cancelled: "Your request to join has been withdrawn.",
    "digest-on": "We will email you once a day when there are new discussions here.",
    "digest-off": "We will no longer email you about new discussions here.",
    "thread-deleted": "Your post has been deleted.",
  },
  thread: {
    replied: "Your reply has been posted.",
    edited: "Your changes have been saved.",
    deleted: "Your post has been deleted.",
    reported: "Thank you. The workspace's leads will look at your report.",
    pinned: "The discussion is pinned to the top of the list.",
    unpinned: "The discussion is no longer pinned.",
    locked: "The discussion is locked: no one can reply.",
    unlocked: "The discussion is unlocked.",
  },
  resources: {
    added: "The resource has been added.",
    removed: "The resource has been removed.",
  },
  moderation: {
    approved: "Request approved. We have emailed them.",
    declined: "Request declined. We have emailed them your reason.",
    dismissed: "Report dismissed.",
    hidden: "Post hidden. We have emailed its author your reason.",
    restored: "Post restored.",
    locked: "Discussion locked.",
    removed: "Member removed from the workspace. We have emailed them your reason.",
    readmitted: "They can join this workspace again.",
  },
  staff: {
    created: "Workspace created. Appoint its leads below.",
    saved: "Your changes have been saved.",
    appointed: "Lead appointed. They can now moderate this workspace.",
    "lead-removed": "They no longer lead this workspace. They are still a member of it.",
  },
} as const;

type Outcomes = typeof OUTCOMES;

/** What can have happened before a redirect to a page of the kind `Page`. */
export type Outcome<Page extends keyof Outcomes> = keyof Outcomes[Page] & string;

/** A redirect to `to` (a page of the kind `page`) that shows what `outcome` says, once. */
export function redirectWithOutcome<Page extends keyof Outcomes>(to: string, page: Page, outcome: Outcome<Page>): Response {
  return redirectWithFlash(to, OUTCOMES[page][outcome] as string);
}
