import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import { pageParam } from "~/lib/params";
import { JOB_ROLES, labelFor } from "~/membership/profile-options";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ScrollingTable } from "~/ui/scrolling-table";
import { requireWorkspace } from "~/workspaces/access.server";
import { WorkspacePageHeader } from "~/workspaces/components";
import { headingFor, leadsOf } from "~/workspaces/directory.server";
import { listMembers } from "~/workspaces/memberships.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Members – ${data?.heading.name ?? "Workspace"} – Social Prescribing Network` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "read");
  const members = await listMembers(viewer.workspace.id, pageParam(new URL(request.url).searchParams));
  const leads = new Set((await leadsOf(viewer.workspace)).map((lead) => lead.id));
  return {
    heading: await headingFor(viewer.workspace),
    isLead: viewer.isLead,
    me: viewer.current.user.id,
    members: {
      ...members,
      rows: members.rows.map((member) => ({
        id: member.id,
        name: member.full_name,
        organisation: member.organisation,
        role: labelFor(JOB_ROLES, member.job_role),
        isLead: leads.has(member.id),
      })),
    },
  };
}

export default function Members() {
  const { heading, isLead, me, members } = useLoaderData<typeof loader>();
  const search = useLocation().search;
  return (
    <>
      <WorkspacePageHeader workspace={heading} heading="Members" current="members" isLead={isLead} />
      <p role="status">
        {members.total} {members.total === 1 ? "member" : "members"}
        {members.pageCount > 1 ? `, page ${members.page} of ${members.pageCount}` : ""}.
      </p>
      <ScrollingTable caption={`Members of ${heading.name}`}>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Name</th>
            <th scope="col" className="nhsuk-table__header">Organisation</th>
            <th scope="col" className="nhsuk-table__header">Role</th>
            {isLead ? (
              <th scope="col" className="nhsuk-table__header">
                <span className="nhsuk-u-visually-hidden">Action</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {members.rows.map((member) => (
            <tr key={member.id} className="nhsuk-table__row">
              <td className="nhsuk-table__cell">
                {member.name}
                {member.isLead ? " (lead)" : ""}
              </td>
              <td className="nhsuk-table__cell">{member.organisation}</td>
              <td className="nhsuk-table__cell">{member.role}</td>
              {isLead ? (
                <td className="nhsuk-table__cell">
                  {!member.isLead && member.id !== me ? (
                    <Link to={`/workspaces/${heading.slug}/members/${member.id}/remove`}>
                      Remove<span className="nhsuk-u-visually-hidden"> {member.name} from the workspace</span>
                    </Link>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
      <Pagination page={members.page} pageCount={members.pageCount} search={search} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
