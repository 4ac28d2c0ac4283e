import type { SubmissionResult } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";
import { decideDomain, decideMove, domainRefusalMessage } from "./domain-policy.server";
import { rateLimitMessage } from "~/auth/rate-limits.server";
import { allowEmailRequest } from "./rate-limits.server";

/** Requests that email a code to an address: joining, signing in and changing address. */

export type EmailRequestResult = { ok: true; publicId: string } | { ok: false; retryAfterMs: number };

/** Joining with an address, or changing to one, can also be refused because of the address itself. */
export type NewAddressRequestResult = EmailRequestResult | { ok: false; emailError: string };

type Refusal = Exclude<NewAddressRequestResult, { ok: true }>;

/**
 * Why an address cannot be joined with, or a member's address changed to it, now (domain rules first,
 * then rate limits), or null.
 */
export async function refuseNewAddress(address: string, ip: string, asking: "join" | { changingFrom: string }): Promise<Refusal | null> {
  if (asking === "join") {
    const decision = await decideDomain(address);
    if (decision.outcome === "refused") return { ok: false, emailError: domainRefusalMessage(decision.reason, "join") };
  } else {
    const move = await decideMove(asking.changingFrom, address);
    if (!move.ok) return { ok: false, emailError: move.message };
  }
  const limit = await allowEmailRequest({ address, ip });
  return limit.allowed ? null : { ok: false, retryAfterMs: limit.retryAfterMs };
}

/**
 * The form's answer to a request: on to the check-your-email page, or the form again with the
 * problem by the email field (the address) or at the top (too many requests, with status 429 as
 * "Send a new code" answers).
 */
export function replyToEmailRequest(
  submission: { reply: (options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> },
  result: NewAddressRequestResult,
) {
  if (result.ok) return redirect(`/verify/${result.publicId}`);
  if ("emailError" in result) return submission.reply({ fieldErrors: { email: [result.emailError] } });
  return data(submission.reply({ formErrors: [rateLimitMessage(result.retryAfterMs)] }), { status: 429 });
}
