import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/access.server";
import { AccountSubpage } from "~/membership/account-subpage";
import { emailAddressField } from "~/membership/email-address";
import { EmailAddressInput } from "~/membership/email-address-input";
import { requestEmailChange } from "~/membership/email-change.server";
import { replyToEmailRequest } from "~/membership/email-requests.server";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Change your email address – Social Prescribing Network" }];

const schema = z.object({ email: emailAddressField });

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return { currentEmail: user.email };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, session } = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return submission.reply();
  const result = await requestEmailChange({ user, sessionId: session.id }, submission.value.email, { ip: context.clientIp });
  return replyToEmailRequest(submission, result);
}

export default function ChangeEmail() {
  const { currentEmail } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "change-email",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <AccountSubpage>
      <ErrorSummary errors={summariseErrors({ email: fields.email }, form.errors, fields.email.id)} />
      <h1>Change your email address</h1>
      <p>
        Your account uses <strong>{currentEmail}</strong>. We will send a code to the new address to check it is
        yours. If another account already uses it, we will email it a note instead. Nothing changes until you enter
        the code.
      </p>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <EmailAddressInput
          field={fields.email}
          label="New work email address"
          hint="Another address at your organisation, or one ending nhs.net, nhs.uk or gov.uk. Personal addresses such as Gmail or Hotmail cannot be used"
        />
        <SubmitButton>Send a code to the new address</SubmitButton>
      </Form>
    </AccountSubpage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
