import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireUser } from "~/auth/access.server";
import { idParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { ErrorSummary } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";
import { cancelRegistration } from "~/webinars/cancel-registration.server";
import { redirectWithOutcome } from "~/webinars/outcomes.server";
import { getWebinarPage } from "~/webinars/webinar-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? headingFor(data.status) : "Cancel your registration"} – Social Prescribing Network` }];

function headingFor(status: string): string {
  if (status === "approved") return "Cancel your place";
  if (status === "waitlisted") return "Leave the waiting list";
  return "Cancel your registration";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const id = idParam(params.id);
  const page = await getWebinarPage(id, user.id);
  if (!page) throw new Response(null, { status: 404 });
  const status = page.myPlace?.status;
  if (!status || !["pending", "approved", "waitlisted"].includes(status) || page.webinar.cancelled || page.webinar.started) throw redirect(`/webinars/${id}`);
  return { webinar: { id, title: page.webinar.title, when: page.webinar.when }, status };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const id = idParam(params.id);
  const result = await cancelRegistration(user.id, id);
  if (result.ok) throw redirectWithOutcome(`/webinars/${id}`, "webinar", "cancelled");
  if (result.reason === "started") return data({ error: "The webinar has started, so your registration can no longer be cancelled." }, { status: 409 });
  throw redirect(`/webinars/${id}`);
}

export default function CancelRegistration() {
  const { webinar, status } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/webinars", label: "Webinars" }, { to: `/webinars/${webinar.id}`, label: webinar.title }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={actionData?.error ? [{ fieldId: "cancel", message: actionData.error }] : []} />
          <span className="nhsuk-caption-l">{webinar.title}</span>
          <h1>{headingFor(status)}</h1>
          <p>{webinar.when} (UK time)</p>
          {status === "approved" ? (
            <p>Your place will go to the first person on the waiting list, and any joining link we sent you will stop working.</p>
          ) : null}
          <p>You can register again later while registration is open, but you may not get a place.</p>
          <Form method="post" id="cancel" tabIndex={-1}>
            <button className="nhsuk-button nhsuk-button--warning" data-module="nhsuk-button" type="submit">
              {headingFor(status)}
            </button>
          </Form>
          <p>
            <Link to={`/webinars/${webinar.id}`}>Keep my {status === "approved" ? "place" : "registration"}</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
