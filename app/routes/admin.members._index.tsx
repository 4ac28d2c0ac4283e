import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireAdmin } from "~/auth/access.server";
import { countPendingJoiners, searchMembers } from "~/membership/member-admin.server";
import { isMemberStatus, MEMBER_STATUSES, StatusTag } from "~/membership/member-statuses";
import { JOB_ROLES, labelFor, REGIONS } from "~/membership/profile-options";
import { pageParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDay } from "~/ui/dates";
import { SelectField, TextField } from "~/ui/forms";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ScrollingTable } from "~/ui/scrolling-table";
import { StaffNav } from "~/ui/staff-nav";

export const meta: MetaFunction = () => [{ title: "Members – Staff tools – Social Prescribing Network" }];

function oneOf(value: string | null, options: ReadonlyArray<{ value: string }>): string | undefined {
  return value && options.some((option) => option.value === value) ? value : undefined;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const status = params.get("status") ?? "";
  // Unknown filter values are ignored rather than refused: this is a read-only search.
  const filters = {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    status: isMemberStatus(status) ? status : undefined,
    region: oneOf(params.get("region"), REGIONS),
    jobRole: oneOf(params.get("jobRole"), JOB_ROLES),
  };
  const result = await searchMembers({ ...filters, page: pageParam(params) });
  return {
    filters,
    pendingCount: await countPendingJoiners(),
    ...result,
    members: result.members.map((member) => ({
      ...member,
      jobRole: labelFor(JOB_ROLES, member.job_role),
      region: labelFor(REGIONS, member.region),
    })),
  };
}

export default function Members() {
  const { filters, pendingCount, members, total, page, pageCount } = useLoaderData<typeof loader>();
  const location = useLocation();
  const filtered = Boolean(filters.q || filters.status || filters.region || filters.jobRole);
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }]} />
      <span className="nhsuk-caption-l">Staff tools</span>
      <h1>Members</h1>
      <StaffNav current="/admin/members" />

      {pendingCount > 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            <Link to="?status=pending">
              {pendingCount === 1 ? "1 person is" : `${pendingCount} people are`} waiting for approval
            </Link>
          </p>
        </div>
      ) : null}

      <Form method="get" role="search" aria-label="Find members">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-full">
            <TextField id="q" name="q" type="search" label="Name, email or organisation" defaultValue={filters.q} spellCheck={false} />
          </div>
        </div>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-third">
            <SelectField
              id="status"
              name="status"
              label="Status"
              emptyLabel="Any status"
              options={MEMBER_STATUSES.map(({ value, label }) => ({ value, label }))}
              defaultValue={filters.status}
            />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <SelectField
              id="region"
              name="region"
              label="NHS England region"
              emptyLabel="Any region"
              options={REGIONS.map(({ value, label }) => ({ value, label }))}
              defaultValue={filters.region}
            />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <SelectField
              id="jobRole"
              name="jobRole"
              label="Job role"
              emptyLabel="Any job role"
              options={JOB_ROLES.map(({ value, label }) => ({ value, label }))}
              defaultValue={filters.jobRole}
            />
          </div>
        </div>
        <div className="nhsuk-button-group">
          <button className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
            Search
          </button>
          {filtered ? (
            <Link className="nhsuk-link" to="/admin/members">
              Clear search and filters
            </Link>
          ) : null}
        </div>
      </Form>

      <p role="status">
        {total === 1 ? "1 person" : `${total} people`} {filtered ? (total === 1 ? "matches" : "match") : "in total"}
        {pageCount > 1 ? ` (page ${page} of ${pageCount})` : ""}.
        {filters.status ? "" : " People who have left are listed only when you choose that status."}
      </p>

      {members.length > 0 ? (
        <ScrollingTable caption="Members, newest first">
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Name</th>
              <th scope="col" className="nhsuk-table__header">Organisation</th>
              <th scope="col" className="nhsuk-table__header">Job role</th>
              <th scope="col" className="nhsuk-table__header">Region</th>
              <th scope="col" className="nhsuk-table__header">Status</th>
              <th scope="col" className="nhsuk-table__header">Joined</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {members.map((member) => (
              <tr key={member.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">
                  <Link to={`/admin/members/${member.id}`}>{member.full_name}</Link>
                  <br />
                  <span className="nhsuk-body-s">{member.email}</span>
                </td>
                <td className="nhsuk-table__cell">
                  {member.organisation}
                </td>
                <td className="nhsuk-table__cell">
                  {member.jobRole}
                </td>
                <td className="nhsuk-table__cell">
                  {member.region}
                </td>
                <td className="nhsuk-table__cell">
                  <StatusTag status={member.status} />
                </td>
                <td className="nhsuk-table__cell">
                  {formatUkDay(member.created_at)}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : (
        <p>No one matches. Try fewer words or clear the filters.</p>
      )}
      <Pagination page={page} pageCount={pageCount} search={location.search} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
