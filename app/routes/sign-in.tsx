import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { z } from "zod";
import { getCurrentUser, safeRedirectPath } from "~/auth/access.server";
import { emailAddressField } from "~/membership/email-address";
import { EmailAddressInput } from "~/membership/email-address-input";
import { replyToEmailRequest } from "~/membership/email-requests.server";
import { requestSignIn } from "~/membership/sign-in.server";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Sign in – Social Prescribing Network" }];

const schema = z.object({ email: emailAddressField, redirectTo: z.string().optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (await getCurrentUser(request)) throw redirect(safeRedirectPath(redirectTo));
  return { redirectTo: redirectTo ? safeRedirectPath(redirectTo) : "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return submission.reply();
  const { email, redirectTo } = submission.value;
  const result = await requestSignIn({ email, ip: context.clientIp, redirectTo: redirectTo ? safeRedirectPath(redirectTo) : undefined });
  return replyToEmailRequest(submission, result);
}

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={summariseErrors({ email: fields.email }, form.errors, fields.email.id)} />
        <h1>Sign in</h1>
        <p>If you are a member, we will email you a link and a code to sign in with. You do not need a password.</p>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <EmailAddressInput field={fields.email} label="Email address" hint="The work email address you joined with" />
          {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
          <SubmitButton>Email me a sign-in code</SubmitButton>
        </Form>
        <p>
          Not a member yet? <Link to={redirectTo ? `/join?${new URLSearchParams({ redirectTo })}` : "/join"}>Join the network</Link>.
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
