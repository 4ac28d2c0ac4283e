import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { readFlash, redirectWithFlash } from "~/lib/flash.server";
import { approveMembers, countPendingJoiners, searchMembers } from "~/membership/member-admin.server";
import { isMemberStatus, MEMBER_STATUSES, StatusTag } from "~/membership/member-statuses";
import { JOB_ROLES, labelFor, REGIONS } from "~/membership/profile-options";
import { pageParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDay } from "~/ui/dates";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/ui/forms";
import { SuccessBanner } from "~/ui/notification";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ResponsiveCell, ScrollingTable } from "~/ui/scrolling-table";
import { StaffNav } from "~/ui/staff-nav";
import { FilterButtons } from "~/ui/filter-buttons";

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
  const flash = readFlash(request);
  return data({
    banner: flash.message,
    filters,
    pendingCount: await countPendingJoiners(),
    ...result,
    members: result.members.map(({ job_role, ...member }) => ({
      ...member,
      jobRole: labelFor(JOB_ROLES, job_role),
      region: labelFor(REGIONS, member.region),
    })),
  }, { headers: flash.headers });
}

/** "Hannah Price", "Hannah Price and Joy Adeyemi", "A, B and C". */
function listOfNames(names: string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Approves the joiners ticked in the list, then comes back to the same list, saying who was approved. */
export async function action({ request }: ActionFunctionArgs) {
  const { user: staff } = await requireAdmin(request);
  const form = await request.formData();
  if (form.get("intent") !== "approve") return { error: "Choose an action from the page" };
  const ids = form
    .getAll("ids")
    .map(String)
    .filter((value) => /^[1-9]\d{0,15}$/.test(value))
    .map(Number);
  if (ids.length === 0) return { error: "Select the joiners to approve" };

  const { approved, notApproved } = await approveMembers(staff.id, ids);
  const done = approved.length
    ? `Approved ${approved.length === 1 ? "1 joiner" : `${approved.length} joiners`}: ${listOfNames(approved)}. We have emailed ${approved.length === 1 ? "them" : "each of them"}.`
    : "No one was approved.";
  const message = notApproved.length ? `${done} Not approved: ${notApproved.join("; ")}.` : done;
  // Back to the list as it was searched (Remix adds ?index to a form posted to an index route).
  const back = new URL(request.url);
  back.searchParams.delete("index");
  throw redirectWithFlash(`${back.pathname}${back.search}`, message);
}

export default function Members() {
  const { banner, filters, pendingCount, members, total, page, pageCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const filtered = Boolean(filters.q || filters.status || filters.region || filters.jobRole);
  const waiting = members.filter((member) => member.status === "pending");
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }]} />
      {banner ? <SuccessBanner>{banner}</SuccessBanner> : null}
      <ErrorSummary
        errors={actionData?.error ? [{ fieldId: waiting[0] ? `select-${waiting[0].id}` : "maincontent", message: actionData.error }] : []}
      />
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
        <FilterButtons submit="Search" clear="Clear search and filters" clearTo="/admin/members" showClear={filtered} />
      </Form>

      <p role="status">
        {total === 1 ? "1 person" : `${total} people`} {filtered ? (total === 1 ? "matches" : "match") : "in total"}
        {pageCount > 1 ? ` (page ${page} of ${pageCount})` : ""}.
        {filters.status ? "" : " People who have left are listed only when you choose that status."}
      </p>

      {members.length > 0 ? (
        // Joiners waiting for approval can be ticked and approved together; the search above is its own form.
        <Form method="post">
          <input type="hidden" name="intent" value="approve" />
          <ScrollingTable caption="Members, newest first" responsive>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                {waiting.length > 0 ? (
                  <th scope="col" className="nhsuk-table__header">
                    <span className="nhsuk-u-visually-hidden">Select to approve</span>
                  </th>
                ) : null}
                <th scope="col" className="nhsuk-table__header">Name</th>
                <th scope="col" className="nhsuk-table__header">Status</th>
                <th scope="col" className="nhsuk-table__header">Organisation</th>
                <th scope="col" className="nhsuk-table__header">Job role</th>
                <th scope="col" className="nhsuk-table__header">Region</th>
                <th scope="col" className="nhsuk-table__header">Joined</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {members.map((member) => (
                <tr key={member.id} className="nhsuk-table__row">
                  {waiting.length > 0 ? (
                    <ResponsiveCell heading="Approve">
                      {member.status === "pending" ? (
                        <span className="nhsuk-checkboxes nhsuk-checkboxes--small">
                          <span className="nhsuk-checkboxes__item">
                            <input className="nhsuk-checkboxes__input" id={`select-${member.id}`} name="ids" type="checkbox" value={member.id} />
                            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`select-${member.id}`}>
                              <span className="nhsuk-u-visually-hidden">Select {member.full_name}</span>
                            </label>
                          </span>
                        </span>
                      ) : null}
                    </ResponsiveCell>
                  ) : null}
                  <ResponsiveCell heading="Name">
                    <Link to={`/admin/members/${member.id}`}>{member.full_name}</Link>
                    <br />
                    <span className="nhsuk-body-s">{member.email}</span>
                  </ResponsiveCell>
                  <ResponsiveCell heading="Status">
                    <StatusTag status={member.status} />
                  </ResponsiveCell>
                  <ResponsiveCell heading="Organisation">{member.organisation}</ResponsiveCell>
                  <ResponsiveCell heading="Job role">{member.jobRole}</ResponsiveCell>
                  <ResponsiveCell heading="Region">{member.region}</ResponsiveCell>
                  <ResponsiveCell heading="Joined">{formatUkDay(member.created_at)}</ResponsiveCell>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
          {waiting.length > 0 ? (
            <>
              <p className="nhsuk-u-margin-top-4">Each joiner you approve is emailed to say they can sign in.</p>
              <SubmitButton>Approve selected joiners</SubmitButton>
            </>
          ) : null}
        </Form>
      ) : (
        <p>No one matches. Try fewer words or clear the filters.</p>
      )}
      <Pagination page={page} pageCount={pageCount} search={location.search} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
