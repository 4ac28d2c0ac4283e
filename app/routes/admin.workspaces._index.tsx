import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ScrollingTable } from "~/ui/scrolling-table";
import { StaffNav } from "~/ui/staff-nav";
import { listAllWorkspaces } from "~/workspaces/admin.server";

export const meta: MetaFunction = () => [{ title: "Workspaces – Staff tools – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { workspaces: await listAllWorkspaces() };
}

export default function AdminWorkspaces() {
  const { workspaces } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/members", label: "Staff tools" }]} />
      <span className="nhsuk-caption-l">Staff tools</span>
      <h1>Workspaces</h1>
      <StaffNav current="/admin/workspaces" />
      <p>
        Create and change workspaces and appoint their leads. Leads moderate their own workspaces only; admins can moderate
        every workspace.
      </p>
      <p>
        <Link className="nhsuk-button" to="/admin/workspaces/new" data-module="nhsuk-button">
          Create a workspace
        </Link>
      </p>
      <ScrollingTable caption="Workspaces">
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Workspace</th>
            <th scope="col" className="nhsuk-table__header">Kind</th>
            <th scope="col" className="nhsuk-table__header">Who can read it</th>
            <th scope="col" className="nhsuk-table__header">Leads</th>
            <th scope="col" className="nhsuk-table__header">Members</th>
            <th scope="col" className="nhsuk-table__header">Waiting to join</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {workspaces.map((workspace) => (
            <tr key={workspace.id} className="nhsuk-table__row">
              <td className="nhsuk-table__cell">
                <Link to={`/admin/workspaces/${workspace.id}`}>{workspace.name}</Link>
                {workspace.parentName ? ` (in ${workspace.parentName})` : ""}
              </td>
              <td className="nhsuk-table__cell">{workspace.kind === "regional" ? "Regional" : "Themed"}</td>
              <td className="nhsuk-table__cell">{workspace.visibility === "open" ? "Open" : "Private"}</td>
              <td className="nhsuk-table__cell">{workspace.leads.length ? workspace.leads.join(", ") : "None"}</td>
              <td className="nhsuk-table__cell">{workspace.members}</td>
              <td className="nhsuk-table__cell">{workspace.requests}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
