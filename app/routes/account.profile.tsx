import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { redirectWithFlash } from "~/lib/flash.server";
import { updateProfile } from "~/membership/account.server";
import { requireUser } from "~/auth/access.server";
import { AccountSubpage } from "~/membership/account-subpage";
import { parseInterests } from "~/membership/members.server";
import { ProfileFields } from "~/membership/profile-fields";
import { profileSchema } from "~/membership/profile-schema";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/ui/forms";
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
  throw redirectWithFlash("/account", "Your details have been updated.");
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
  return (
    <AccountSubpage back="Cancel and go back to your account">
      <ErrorSummary errors={errors} />
      <h1>Change your details</h1>
      <Form method="post" {...getFormProps(form)}>
        <ProfileFields fields={fields} />
        <SubmitButton>Save changes</SubmitButton>
      </Form>
    </AccountSubpage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
