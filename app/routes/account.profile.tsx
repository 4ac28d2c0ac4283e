import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseInterests, updateProfile } from "~/membership/account.server";
import { requireUser } from "~/membership/access.server";
import { JOB_ROLES, REGIONS, WORKSPACE_INTERESTS } from "~/membership/profile-options";
import { profileSchema } from "~/membership/profile-schema";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { CheckboxGroup, ErrorSummary, RadioGroup, SelectField, SubmitButton, summariseErrors, TextField } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Change your details – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return {
    fullName: user.full_name,
    organisation: user.organisation,
    jobRole: user.job_role,
    region: user.region,
    icbPcn: user.icb_pcn ?? "",
    workspaceInterests: parseInterests(user.workspace_interests_json),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: profileSchema });
  if (submission.status !== "success") return submission.reply();
  await updateProfile(user.id, submission.value);
  throw redirect("/account?updated=profile");
}

export default function ChangeProfile() {
  const current = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "profile",
    lastResult,
    defaultValue: current,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  });
  const errors = summariseErrors({
    fullName: fields.fullName,
    organisation: fields.organisation,
    jobRole: fields.jobRole,
    region: fields.region,
    icbPcn: fields.icbPcn,
    workspaceInterests: fields.workspaceInterests,
  });
  const initial = (value: unknown) => (typeof value === "string" ? value : undefined);
  const interests = fields.workspaceInterests.initialValue;
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/account", label: "Your account" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1>Change your details</h1>
          <Form method="post" {...getFormProps(form)}>
            <TextField
              id={fields.fullName.id}
              name={fields.fullName.name}
              label="Full name"
              autoComplete="name"
              spellCheck={false}
              defaultValue={initial(fields.fullName.initialValue)}
              errors={fields.fullName.errors}
            />
            <TextField
              id={fields.organisation.id}
              name={fields.organisation.name}
              label="Organisation"
              hint="For example, the PCN, practice, council or charity you work for"
              autoComplete="organization"
              defaultValue={initial(fields.organisation.initialValue)}
              errors={fields.organisation.errors}
            />
            <RadioGroup
              id={fields.jobRole.id}
              name={fields.jobRole.name}
              legend="Job role"
              choices={JOB_ROLES.map((option) => ({ value: option.value, label: option.label }))}
              defaultValue={initial(fields.jobRole.initialValue)}
              errors={fields.jobRole.errors}
            />
            <SelectField
              id={fields.region.id}
              name={fields.region.name}
              label="NHS region"
              options={REGIONS.map((option) => ({ value: option.value, label: option.label }))}
              defaultValue={initial(fields.region.initialValue)}
              errors={fields.region.errors}
            />
            <TextField
              id={fields.icbPcn.id}
              name={fields.icbPcn.name}
              label="ICB or PCN (optional)"
              hint="The integrated care board or primary care network you work in"
              defaultValue={initial(fields.icbPcn.initialValue)}
              errors={fields.icbPcn.errors}
            />
            <CheckboxGroup
              id={fields.workspaceInterests.id}
              name={fields.workspaceInterests.name}
              legend="Workspaces that interest you (optional)"
              hint="Select all that apply"
              choices={WORKSPACE_INTERESTS.map((option) => ({ value: option.value, label: option.label }))}
              defaultValues={Array.isArray(interests) ? interests.filter((v): v is string => typeof v === "string") : initial(interests) ? [interests as string] : []}
              errors={fields.workspaceInterests.errors}
            />
            <SubmitButton>Save changes</SubmitButton>
          </Form>
          <p>
            <Link to="/account">Cancel and go back to your account</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
