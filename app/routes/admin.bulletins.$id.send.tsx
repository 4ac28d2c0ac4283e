import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { requireBulletin, requireEditableBulletin, sendBulletinNow } from "~/bulletin/bulletins.server";
import { membersText } from "~/bulletin/members-text";
import { redirectToBulletin } from "~/bulletin/outcomes.server";
import { countSubscribers } from "~/bulletin/subscribers.server";
import { db } from "~/db.server";
import { idParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Send the bulletin now – Staff tools – Social Prescribing Network" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const bulletin = await requireEditableBulletin(idParam(params.id));
  return { id: bulletin.id, subject: bulletin.subject, subscribers: await countSubscribers(db()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const bulletin = await requireBulletin(idParam(params.id));
  // Sending twice (a double click, a second tab, two members of staff) starts nothing more: the first one is under way.
  const started = await sendBulletinNow(user.id, bulletin.id);
  throw redirectToBulletin(bulletin.id, started ? "sent" : "already-sent");
}

export default function SendBulletin() {
  const { id, subject, subscribers } = useLoaderData<typeof loader>();
  const page = `/admin/bulletins/${id}`;
  const members = membersText(subscribers);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: "Home" },
          { to: "/admin/bulletins", label: "Bulletins" },
          { to: page, label: subject },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{subject}</span>
          <h1>Send this bulletin to {members} now?</h1>
          <p>
            It goes to every active member who has subscribed, {members} at the moment. Once it starts you cannot stop it
            or change it.
          </p>
          <Form method="post">
            <button className="nhsuk-button" data-module="nhsuk-button" type="submit">
              Yes, send it to {members}
            </button>
          </Form>
          <p>
            <Link to={page}>No, go back to the bulletin</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
