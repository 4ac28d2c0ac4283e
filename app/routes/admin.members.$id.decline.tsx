import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/membership/access.server";
import { declineMember } from "~/membership/member-admin.server";
import { findUserById } from "~/membership/members.server";
import { memberIdParam } from "~/membership/route-params";
import { reasonSchema } from "~/membership/staff-schemas";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { ReasonForm } from "~/ui/reason-form";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Decline request to join – Staff tools – Social Prescribing Network" }];

const schema = reasonSchema("declining");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = memberIdParam(params.id);
  const member = await findUserById(id);
  if (!member) throw new Response(null, { status: 404 });
  if (member.status !== "pending") throw redirect(`/admin/members/${id}`);
  return { id, fullName: member.full_name, email: member.email, organisation: member.organisation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user: staff } = await requireAdmin(request);
  const id = memberIdParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return submission.reply();
  const result = await declineMember(staff.id, id, submission.value.reason);
  if (!result.ok) return submission.reply({ formErrors: [result.error] });
  throw redirect(`/admin/members/${id}?done=declined`);
}

export default function DeclineMember() {
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
          <h1>Decline request to join</h1>
          <p>
            {member.email}, {member.organisation}
          </p>
          <ReasonForm
            id="decline"
            schema={schema}
            lastResult={lastResult}
            label="Why are you declining this request?"
            hint="We will email this to them, so write it to them. For example, say what would let them join."
            button="Decline request"
            cancelTo={`/admin/members/${member.id}`}
          />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
