import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { BulletinForm } from "~/bulletin/bulletin-form";
import { bulletinSchema } from "~/bulletin/bulletin-schema";
import { createBulletin } from "~/bulletin/bulletins.server";
import { redirectToBulletin } from "~/bulletin/outcomes.server";
import { createOnce, newOnceToken, readOnce } from "~/lib/once.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Write a bulletin – Staff tools – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { once: newOnceToken() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: bulletinSchema });
  if (submission.status !== "success") return submission.reply();
  const once = readOnce(formData, "bulletin");
  const outcome = await createOnce(once, () => createBulletin(user.id, submission.value, once));
  // A repeat of the same submission is answered as the first was.
  throw redirectToBulletin("earlier" in outcome ? outcome.earlier : outcome.result, "saved");
}

export default function NewBulletin() {
  const { once } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/bulletins", label: "Bulletins" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">Staff tools</span>
          <h1>Write a bulletin</h1>
          <p>Saving keeps it as a draft. You can then preview it, send yourself a test, and send or schedule it.</p>
          <BulletinForm lastResult={lastResult} button="Save draft" once={once} />
          <p>
            <Link to="/admin/bulletins">Cancel</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
