import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/membership/access.server";
import { removeMember } from "~/membership/member-admin.server";
import { findUserById } from "~/membership/members.server";
import { memberIdParam } from "~/membership/route-params";
import { reasonSchema } from "~/membership/staff-schemas";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { ReasonForm } from "~/ui/reason-form";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Remove member – Staff tools – Social Prescribing Network" }];

const schema = reasonSchema("removing");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = memberIdParam(params.id);
  const member = await findUserById(id);
  if (!member) throw new Response(null, { status: 404 });
  if (member.status !== "active") throw redirect(`/admin/members/${id}`);
  return { id, fullName: member.full_name, email: member.email, organisation: member.organisation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user: staff } = await requireAdmin(request);
  const id = memberIdParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return submission.reply();
  const result = await removeMember(staff.id, id, submission.value.reason);
  if (!result.ok) return submission.reply({ formErrors: [result.error] });
  throw redirect(`/admin/members/${id}?done=removed`);
}

export default function RemoveMember() {
  const member = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: "Home" },
          { to: "/admin/members", label: "Members" },
          { to: `/admin/members/${member.id}`, label: member.fullName },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{member.fullName}</span>
          <h1>Remove member</h1>
          <p>
            {member.email}, {member.organisation}
          </p>
          <ReasonForm
            id="remove"
            schema={schema}
            lastResult={lastResult}
            label="Why are you removing this member?"
            hint="We will email this to them and keep it in the audit log."
            button="Remove from the network"
            cancelTo={`/admin/members/${member.id}`}
          />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
