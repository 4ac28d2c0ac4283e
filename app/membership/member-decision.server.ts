import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { requireAdmin } from "~/auth/access.server";
import type { StaffActionResult } from "./member-admin.server";
import type { MemberStatus } from "./member-statuses";
import { findUserById } from "~/auth/users.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { idParam } from "~/lib/params";

/**
 * The loader and action behind a staff decision that needs a written reason (declining a joiner,
 * removing a member): one page per decision, for members in the status it applies to.
 */

/** The member the decision is about; anyone not in `appliesTo` sends staff back to the member's page. */
export async function loadMemberForDecision({ request, params }: LoaderFunctionArgs, appliesTo: MemberStatus) {
  await requireAdmin(request);
  const id = idParam(params.id);
  const member = await findUserById(id);
  if (!member) throw new Response(null, { status: 404 });
  if (member.status !== appliesTo) throw redirect(`/admin/members/${id}`);
  return { id, fullName: member.full_name, email: member.email, organisation: member.organisation };
}

/** The flash kind after approving or declining a joiner: the member's page then offers the next one waiting. */
export const JOINER_DECIDED = "joiner-decided";

/** The flash kind for a decision that did not happen: the member's page shows its message as an error. */
export const DECISION_REFUSED = "decision-refused";

export async function decideWithReason(
  { request, params }: ActionFunctionArgs,
  decision: {
    schema: z.ZodType<{ reason: string }>;
    decide: (actorUserId: number, memberId: number, reason: string) => Promise<StaffActionResult>;
    /** The banner the member's page shows afterwards. */
    done: string;
    /** The flash's kind, for a page that adds to the banner (see app/lib/flash.server.ts). */
    kind?: string;
  },
) {
  const { user: staff } = await requireAdmin(request);
  const id = idParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema: decision.schema });
  if (submission.status !== "success") return submission.reply();
  const result = await decision.decide(staff.id, id, submission.value.reason);
  // Not a form error on this page: its loader sends anyone no longer in the status it applies to (another
  // admin, or a second tab, got there first) back to the member's page, which would drop the error.
  if (!result.ok) throw redirectWithFlash(`/admin/members/${id}`, result.error, { kind: DECISION_REFUSED });
  throw redirectWithFlash(`/admin/members/${id}`, decision.done, { kind: decision.kind });
}
