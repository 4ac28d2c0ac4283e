import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { getCurrentUser, requireUser } from "~/auth/access.server";
import { archiveBodyHtml, findArchivedBulletin } from "~/bulletin/archive.server";
import bulletinStyles from "~/bulletin/bulletin.css?url";
import { idParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDay } from "~/ui/dates";
import { RouteErrorBoundary } from "~/ui/route-error";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bulletinStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.subject ?? "Bulletin"} – Social Prescribing Network` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bulletin = await findArchivedBulletin(idParam(params.id));
  if (!bulletin) throw new Response("Not found", { status: 404 });
  // Members-only bulletins send visitors to sign in and come back.
  const current = bulletin.is_public ? await getCurrentUser(request) : await requireUser(request);
  return {
    subject: bulletin.subject,
    sentAt: bulletin.send_started_at,
    bodyHtml: archiveBodyHtml(bulletin),
    signedIn: current !== null,
  };
}

export default function ArchivedBulletin() {
  const { subject, sentAt, bodyHtml, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/bulletins", label: "Bulletins" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">Bulletin sent {sentAt ? formatUkDay(sentAt) : ""}</span>
          <h1>{subject}</h1>
          {/* Sanitised when rendered (app/bulletin/markdown.server.ts): only plain formatting tags and https or mailto links. */}
          <div className="spn-bulletin-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
          <p>{signedIn ? <Link to="/account/preferences">Choose whether you get the bulletin by email</Link> : <Link to="/join">Join the network to get the bulletin by email</Link>}</p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
