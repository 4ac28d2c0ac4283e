import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { BulletinForm } from "~/bulletin/bulletin-form";
import { bulletinSchema } from "~/bulletin/bulletin-schema";
import { requireBulletin, requireEditableBulletin, updateBulletin } from "~/bulletin/bulletins.server";
import { redirectToBulletin } from "~/bulletin/outcomes.server";
import { idParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Edit bulletin – Staff tools – Social Prescribing Network" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const bulletin = await requireEditableBulletin(idParam(params.id));
  return { id: bulletin.id, subject: bulletin.subject, preheader: bulletin.preheader, body: bulletin.body_markdown, scheduled: bulletin.status === "scheduled" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const bulletin = await requireBulletin(idParam(params.id));
  const submission = parseWithZod(await request.formData(), { schema: bulletinSchema });
  if (submission.status !== "success") return submission.reply();
  const saved = await updateBulletin(user.id, bulletin.id, submission.value);
  if (!saved) return submission.reply({ formErrors: ["This bulletin has started sending, so it can no longer be changed."] });
  throw redirectToBulletin(bulletin.id, "saved");
}

export default function EditBulletin() {
  const bulletin = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const page = `/admin/bulletins/${bulletin.id}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: "Home" },
          { to: "/admin/bulletins", label: "Bulletins" },
          { to: page, label: bulletin.subject },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">Staff tools</span>
          <h1>Edit bulletin</h1>
          {bulletin.scheduled ? <p>It stays scheduled: changes you save here go out at the scheduled time.</p> : null}
          <BulletinForm
            lastResult={lastResult}
            defaults={{ subject: bulletin.subject, preheader: bulletin.preheader, body: bulletin.body }}
            button="Save changes"
          />
          <p>
            <Link to={page}>Cancel</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
