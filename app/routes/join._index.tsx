import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { getCurrentUser, safeRedirectPath } from "~/auth/access.server";
import { ConsentCheckboxes } from "~/membership/consent-checkboxes";
import { EmailAddressInput } from "~/membership/email-address-input";
import { replyToEmailRequest } from "~/membership/email-requests.server";
import { joinSchema } from "~/membership/join-schema";
import { joinNetwork } from "~/membership/join.server";
import { ProfileFields } from "~/membership/profile-fields";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Join the network – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Where they were going before joining (e.g. a webinar's registration), offered once they have joined.
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (await getCurrentUser(request)) throw redirect(safeRedirectPath(redirectTo));
  return { redirectTo: redirectTo ? safeRedirectPath(redirectTo) : "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: joinSchema });
  if (submission.status !== "success") return submission.reply();
  const redirectTo = formData.get("redirectTo");
  const result = await joinNetwork(submission.value, {
    ip: context.clientIp,
    redirectTo: typeof redirectTo === "string" && redirectTo ? safeRedirectPath(redirectTo) : undefined,
  });
  return replyToEmailRequest(submission, result);
}

export default function Join() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "join",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: joinSchema }),
  });
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary
          errors={summariseErrors(
            {
              fullName: fields.fullName,
              email: fields.email,
              organisation: fields.organisation,
              jobRole: fields.jobRole,
              region: fields.region,
              icbPcn: fields.icbPcn,
              workspaceInterests: fields.workspaceInterests,
            },
            form.errors,
            fields.email.id,
          )}
        />
        <h1>Join the Social Prescribing Network</h1>
        <p>
          Membership is free for social prescribing link workers in England and the people who support, manage or
          commission them. It takes about 3 minutes.
        </p>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <ProfileFields
            fields={fields}
            afterFullName={
              <EmailAddressInput
                field={fields.email}
                label="Work email address"
                hint="Your organisational address, like name@nhs.net. Personal addresses such as Gmail or Hotmail cannot be used. We will send you a code to confirm it."
              />
            }
          />
          <div className="nhsuk-form-group">
            <fieldset className="nhsuk-fieldset" aria-describedby="join-consent-hint">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Email from the network (optional)</legend>
              <div className="nhsuk-hint" id="join-consent-hint">
                We only send these if you ask for them. You can stop them at any time from your account or from a link in
                each email.
              </div>
              <ConsentCheckboxes
                ids={{ bulletin: fields.bulletin.id, events: fields.events.id }}
                checked={{ bulletin: fields.bulletin.initialValue === "on", events: fields.events.initialValue === "on" }}
              />
            </fieldset>
          </div>
          <p>
            Read our <Link to="/privacy">privacy notice</Link> to find out what we keep about you, why, and for how long.
          </p>
          {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
          <SubmitButton>Join the network</SubmitButton>
        </Form>
        <p>
          Already a member? <Link to={redirectTo ? `/sign-in?${new URLSearchParams({ redirectTo })}` : "/sign-in"}>Sign in</Link>.
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
