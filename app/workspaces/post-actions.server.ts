import type { Submission } from "@conform-to/react";
import { idParam } from "~/lib/params";
import { requireWorkspace, type Need } from "./access.server";
import { guardMessage } from "./components";
import { requirePost, type WriteOutcome } from "./discussions.server";
import type { PostActionData } from "./post-form";

/**
 * Turns the outcome of writing a post into the form's reply: the guard's hold (words kept, warning
 * and the box to confirm), or a refusal as a form error. Publishing redirects, so it never gets here.
 */
export function replyToHeldOrRefused(submission: Submission<unknown>, outcome: Exclude<WriteOutcome, { ok: true }>): PostActionData {
  if ("held" in outcome) {
    return { result: submission.reply({ fieldErrors: { confirmNotPatientData: [guardMessage(outcome.held)] } }), held: outcome.held };
  }
  return { result: submission.reply({ formErrors: [outcome.error] }), held: [] };
}

export function invalidPost(submission: Submission<unknown>): PostActionData {
  return { result: submission.reply(), held: [] };
}

/** The form's values as the discussions module takes them (the guard's box as a yes or no). */
export function postInput<T extends { confirmNotPatientData?: "on" }>(value: T): Omit<T, "confirmNotPatientData"> & { confirmNotPatientData: boolean } {
  return { ...value, confirmNotPatientData: value.confirmNotPatientData === "on" };
}

/** The workspace, post and thread a /workspaces/<slug>/posts/<id>/… page is about, for a viewer with `need`. */
export async function requirePostPage(request: Request, params: { slug?: string; postId?: string }, need: Need) {
  const viewer = await requireWorkspace(request, params.slug, need);
  const { post, thread } = await requirePost(viewer, idParam(params.postId));
  return { viewer, post, thread, threadPath: `/workspaces/${viewer.workspace.slug}/threads/${thread.id}` };
}
