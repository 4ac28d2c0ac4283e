import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect, redirectDocument } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { needsWholePageLoad } from "~/lib/own-policy-pages";
import { Link } from "~/ui/link";
import { z } from "zod";
import { db } from "~/db.server";
import { getCurrentUser } from "~/auth/access.server";
import { describeChallenge, type ChallengeAsked, type ChallengeProblem } from "~/membership/challenges.server";
import { confirmEmailChallenge } from "~/membership/email-confirmation.server";
import { rateLimitMessage } from "~/auth/rate-limits.server";
import { sessionCookie } from "~/auth/sessions.server";
import { resendCode } from "~/membership/sign-in.server";
import { ErrorSummary, SubmitButton, summariseErrors, TextField } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";

/**
 * Where emailed links land (with ?token=) and the "check your email" page (without). A GET only
 * shows a page: mail scanners open every link, so only the button's POST completes the challenge.
 */
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  // The sign-in heading already names the service, so the title does not repeat it.
  { title: data?.purpose === "sign-in" ? pageHeading(data) : `${data ? pageHeading(data) : "Check your email"} – Social Prescribing Network` },
];

const codeSchema = z.object({
  intent: z.literal("code"),
  code: z
    .string({ error: "Enter the 6-digit code from the email" })
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "The code is 6 digits, like 123456")),
});
const linkSchema = z.object({ intent: z.literal("link"), token: z.string() });
const resendSchema = z.object({ intent: z.literal("resend") });
const schema = z.discriminatedUnion("intent", [codeSchema, linkSchema, resendSchema]);

export async function loader({ params, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  const challenge = await describeChallenge(db(), params.publicId ?? "", token);
  if (!challenge) throw new Response("Not found", { status: 404 });
  // Going back to this page after signing in finds the code used: that is not a problem to solve.
  const signedIn = challenge.problem === "used" && (await getCurrentUser(request)) !== null;
  return { ...challenge, token, resent: url.searchParams.has("resent"), signedIn };
}

const PROBLEMS: Record<ChallengeProblem, string> = {
  "not-found": "This code cannot be used. Ask for a new one.",
  "bad-link": "This link is not complete. Copy the whole link from the email, or enter the code from the email instead.",
  used: "This link and code have already been used. If you need to sign in again, ask for a new code.",
  expired: "This code has expired: codes work for 30 minutes. Ask for a new code.",
  locked: "A wrong code was entered too many times, so this code no longer works. Ask for a new code.",
  "wrong-code": "The code is not right. Check the email and try again.",
};

type FormName = "code" | "link" | "resend";
const reply = (form: FormName, result: SubmissionResult<string[]>, status = 400) => data({ form, result }, { status });

export async function action({ params, request, context }: ActionFunctionArgs) {
  const publicId = params.publicId ?? "";
  const submission = parseWithZod(await request.formData(), { schema });
  const form = (submission.payload.intent as FormName | undefined) ?? "code";
  if (submission.status !== "success") return reply(form, submission.reply());

  if (submission.value.intent === "resend") {
    const resent = await resendCode(publicId, { ip: context.clientIp });
    if (!resent) throw new Response("Not found", { status: 404 });
    if (resent.ok === "restart") return redirect(resent.path);
    if (!resent.ok) return reply(form, submission.reply({ formErrors: [rateLimitMessage(resent.retryAfterMs)] }), 429);
    return redirect(`/verify/${resent.publicId}?resent`);
  }

  const proof = submission.value.intent === "code" ? { code: submission.value.code } : { token: submission.value.token };
  const result = await confirmEmailChallenge(publicId, proof, { ip: context.clientIp });
  switch (result.outcome) {
    case "signed-in": {
      // A page with a policy of its own (a recording's embedded player) must arrive as a whole document;
      // elsewhere the form's client-side navigation keeps the sign-in page's history entry up to date.
      const redirectTo = needsWholePageLoad(result.destination) ? redirectDocument : redirect;
      return redirectTo(result.destination, { headers: { "Set-Cookie": sessionCookie(result.sessionToken) } });
    }
    case "pending":
      return redirect("/join/pending");
    case "email-changed":
      return redirect("/account/email/changed");
    case "too-many-checks":
      return reply(form, submission.reply({ formErrors: [rateLimitMessage(result.retryAfterMs, "You have tried too many codes in a short time.")] }), 429);
    case "refused":
      return reply(form, submission.reply({ formErrors: [result.message] }), 403);
    case "failed":
      if (result.problem === "wrong-code") {
        const left = result.attemptsLeft ?? 0;
        const message = `${PROBLEMS["wrong-code"]} You can try ${left} more ${left === 1 ? "time" : "times"}.`;
        return reply(form, submission.reply({ fieldErrors: { code: [message] } }));
      }
      return reply(form, submission.reply({ formErrors: [PROBLEMS[result.problem]] }));
  }
}

function pageHeading({ purpose }: { purpose: string | null }): string {
  if (!purpose) return "Check your email";
  if (purpose === "verify-email") return "Confirm your email address";
  if (purpose === "change-email") return "Confirm your new email address";
  return "Sign in to the Social Prescribing Network";
}

/**
 * What the email holds, for each thing a person can ask for. Whether it has a code depends on the address
 * (a member's, a joiner's waiting for approval, nobody's…), which this page must not reveal, so it says
 * when there is a code and what the email does otherwise.
 */
const WHAT_WAS_SENT: Record<ChallengeAsked, string> = {
  "sign-in":
    "If you can sign in with this address, the email has a link and a 6-digit code: select the link, or enter the code below. They work for 30 minutes. If you cannot sign in yet, for example because your request to join is waiting for approval, the email says why.",
  join: "If you can join with this address, the email has a link and a 6-digit code to confirm it: select the link, or enter the code below. They work for 30 minutes. If you have asked to join with this address before, the email says what to do next.",
  "change-email":
    "If no other account uses this address, the email has a link and a 6-digit code to confirm it: select the link, or enter the code below. They work for 30 minutes. If another account already uses it, the email says so, and your address stays as it is.",
};

const BUTTONS: Record<string, string> = {
  "verify-email": "Confirm and join",
  "change-email": "Confirm new email address",
  "sign-in": "Sign in",
};

export default function Verify() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = (name: FormName) => (actionData?.form === name ? actionData.result : undefined);
  const [codeForm, codeFields] = useForm({
    id: "code",
    lastResult: lastResult("code"),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeSchema }),
  });
  const [linkForm] = useForm({ id: "link", lastResult: lastResult("link") });
  const [resendForm] = useForm({ id: "resend", lastResult: lastResult("resend") });

  const errors = [
    ...summariseErrors({ code: codeFields.code }, codeForm.errors, "code-code"),
    ...summariseErrors({}, linkForm.errors, "link-button"),
    ...summariseErrors({}, resendForm.errors, "resend-button"),
  ];
  // A dead challenge (shown on arrival or found on submitting) leaves only "ask for a new code".
  const problem = page.problem ?? (codeForm.errors?.length || linkForm.errors?.length ? "failed" : null);
  const resend = (
    <Form method="post" id={resendForm.id} onSubmit={resendForm.onSubmit} noValidate>
      <input type="hidden" name="intent" value="resend" />
      <button id="resend-button" className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
        Send a new code
      </button>
    </Form>
  );

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {page.resent && !errors.length ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>We have sent a new email. Use the newest code: earlier ones still work until they expire.</p>
          </div>
        ) : null}
        <h1>{pageHeading(page)}</h1>
        {page.signedIn ? (
          <>
            <p>This link and code have already been used, and you are signed in. There is nothing more to do here.</p>
            <p>
              <Link to="/account">Go to your account</Link>
            </p>
          </>
        ) : page.problem && page.problem !== "bad-link" ? (
          <>
            <p>{PROBLEMS[page.problem]}</p>
            {resend}
          </>
        ) : page.token && page.purpose ? (
          <>
            <p>
              {page.purpose === "sign-in"
                ? `Select the button to sign in as ${page.email}.`
                : `Select the button to confirm that ${page.email} is your email address.`}
            </p>
            <Form method="post" id={linkForm.id} onSubmit={linkForm.onSubmit} noValidate>
              <input type="hidden" name="intent" value="link" />
              <input type="hidden" name="token" value={page.token} />
              <button id="link-button" className="nhsuk-button" data-module="nhsuk-button" type="submit">
                {BUTTONS[page.purpose]}
              </button>
            </Form>
            {problem ? resend : null}
          </>
        ) : (
          <>
            {/* A link cut short by the mail client: the code from the same email still works here. */}
            {page.problem === "bad-link" ? <p>{PROBLEMS["bad-link"]}</p> : null}
            <p>
              We have sent an email to <strong>{page.email}</strong>. {WHAT_WAS_SENT[page.asked]}
            </p>
            <Form method="post" id={codeForm.id} onSubmit={codeForm.onSubmit} noValidate>
              <input type="hidden" name="intent" value="code" />
              <TextField
                id={codeFields.code.id}
                name={codeFields.code.name}
                label="Code from the email"
                hint="For example, 123456"
                inputMode="numeric"
                autoComplete="one-time-code"
                spellCheck={false}
                width={5}
                errors={codeFields.code.errors}
              />
              <SubmitButton>Continue</SubmitButton>
            </Form>
            {problem ? resend : null}
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">If the email has not arrived</span>
              </summary>
              <div className="nhsuk-details__text">
                <p>
                  Emails can take a few minutes. Check your junk or spam folder, and that {page.email} is the right
                  address. If it is not, <Link to="/join">join</Link> or <Link to="/sign-in">sign in</Link> again with
                  the right one.
                </p>
                {problem ? null : resend}
              </div>
            </details>
          </>
        )}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
