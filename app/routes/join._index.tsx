import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { getCurrentUser } from "~/membership/access.server";
import { joinSchema } from "~/membership/join-schema";
import { joinNetwork } from "~/membership/join.server";
import { JOB_ROLES, REGIONS, WORKSPACE_INTERESTS } from "~/membership/profile-options";
import { rateLimitMessage } from "~/membership/rate-limits.server";
import { CheckboxGroup, ErrorSummary, RadioGroup, SubmitButton, summariseErrors, TextField } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Join the network – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/account");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: joinSchema });
  if (submission.status !== "success") return submission.reply();
  const result = await joinNetwork(submission.value, { ip: context.clientIp });
  if (result.ok) return redirect(`/verify/${result.publicId}`);
  if ("emailError" in result) return submission.reply({ fieldErrors: { email: [result.emailError] } });
  return submission.reply({ formErrors: [rateLimitMessage(result.retryAfterMs)] });
}

export default function Join() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "join",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: joinSchema }),
  });
  const text = (name: keyof typeof fields) => fields[name].initialValue as string | undefined;
  const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : typeof value === "string" ? [value] : []);

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
          <TextField
            id={fields.fullName.id}
            name={fields.fullName.name}
            label="Full name"
            autoComplete="name"
            spellCheck={false}
            defaultValue={text("fullName")}
            errors={fields.fullName.errors}
          />
          <TextField
            id={fields.email.id}
            name={fields.email.name}
            label="Work email address"
            hint="Your organisational address, like name@nhs.net. Personal addresses such as Gmail or Hotmail cannot be used. We will send you a code to confirm it."
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={text("email")}
            errors={fields.email.errors}
          />
          <TextField
            id={fields.organisation.id}
            name={fields.organisation.name}
            label="Organisation"
            hint="For example, the PCN, GP practice, council or charity you work for"
            autoComplete="organization"
            defaultValue={text("organisation")}
            errors={fields.organisation.errors}
          />
          <RadioGroup
            id={fields.jobRole.id}
            name={fields.jobRole.name}
            legend="Job role"
            choices={JOB_ROLES.map((role) => ({ value: role.value, label: role.label }))}
            defaultValue={text("jobRole")}
            errors={fields.jobRole.errors}
          />
          <RadioGroup
            id={fields.region.id}
            name={fields.region.name}
            legend="NHS England region you work in"
            choices={REGIONS.map((region) => ({ value: region.value, label: region.label }))}
            defaultValue={text("region")}
            errors={fields.region.errors}
          />
          <TextField
            id={fields.icbPcn.id}
            name={fields.icbPcn.name}
            label="Integrated care board (ICB) or primary care network (PCN) (optional)"
            defaultValue={text("icbPcn")}
            errors={fields.icbPcn.errors}
          />
          <CheckboxGroup
            id={fields.workspaceInterests.id}
            name={fields.workspaceInterests.name}
            legend="Which workspaces interest you? (optional)"
            hint="Workspaces are where members share ideas and local news. Select all that apply."
            choices={WORKSPACE_INTERESTS.map((workspace) => ({ value: workspace.value, label: workspace.label }))}
            defaultValues={list(fields.workspaceInterests.initialValue)}
            errors={fields.workspaceInterests.errors}
          />
          <div className="nhsuk-form-group">
            <fieldset className="nhsuk-fieldset" aria-describedby="join-consent-hint">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Email from the network (optional)</legend>
              <div className="nhsuk-hint" id="join-consent-hint">
                We only send these if you ask for them. You can stop them at any time from your account or from a link in
                each email.
              </div>
              <div className="nhsuk-checkboxes" data-module="nhsuk-checkboxes">
                <div className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={fields.bulletin.id}
                    name={fields.bulletin.name}
                    type="checkbox"
                    value="on"
                    defaultChecked={fields.bulletin.initialValue === "on"}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={fields.bulletin.id}>
                    Send me the monthly bulletin
                  </label>
                </div>
                <div className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={fields.events.id}
                    name={fields.events.name}
                    type="checkbox"
                    value="on"
                    defaultChecked={fields.events.initialValue === "on"}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={fields.events.id}>
                    Tell me about new webinars and events
                  </label>
                </div>
              </div>
            </fieldset>
          </div>
          <p>
            Read our <Link to="/privacy">privacy notice</Link> to find out what we keep about you, why, and for how long.
          </p>
          <SubmitButton>Join the network</SubmitButton>
        </Form>
        <p>
          Already a member? <Link to="/sign-in">Sign in</Link>.
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
