import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { entriesForPage, listAudit } from "~/audit/audit.server";
import { domainRuleFor } from "~/membership/domain-policy.server";
import { approveMember, getMemberForStaff, nextWaitingJoiner } from "~/membership/member-admin.server";
import { DECISION_REFUSED, JOINER_DECIDED } from "~/membership/member-decision.server";
import { StatusTag } from "~/membership/member-statuses";
import { profileLabels } from "~/membership/members.server";
import { describeRole } from "~/auth/roles.server";
import { readFlash, redirectWithFlash } from "~/lib/flash.server";
import { idParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDateTime, formatUkDay } from "~/ui/dates";
import { ErrorSummary } from "~/ui/forms";
import { SuccessBanner } from "~/ui/notification";
import { RouteErrorBoundary } from "~/ui/route-error";
import { AuditDetails } from "~/audit/audit-details";
import { ScrollingTable } from "~/ui/scrolling-table";
import { SummaryList } from "~/ui/summary-list";
import { staffVisibleEmail } from "~/privacy/tombstone";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.member.fullName ?? "Member"} – Staff tools – Social Prescribing Network` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user: staff } = await requireAdmin(request);
  const id = idParam(params.id);
  const found = await getMemberForStaff(id);
  if (!found) throw new Response(null, { status: 404 });
  const { member, roles, activeSessions } = found;
  const history = await listAudit({ aboutUserId: id, pageSize: 200 });
  const flash = readFlash(request);
  const decided = flash.kind === JOINER_DECIDED;
  const next = decided ? await nextWaitingJoiner(id) : undefined;
  // A joiner still waiting although their domain is now always allowed: the rule came after they confirmed.
  const rule = member.status === "pending" ? await domainRuleFor(member.email) : undefined;
  return data({
    banner: flash.kind === DECISION_REFUSED ? null : flash.message,
    refused: flash.kind === DECISION_REFUSED ? flash.message : null,
    next: decided ? { joiner: next ? { id: next.id, fullName: next.full_name } : null } : null,
    allowRule: rule?.policy === "allow" ? { domain: rule.domain, note: rule.note } : null,
    isSelf: staff.id === member.id,
    member: {
      id: member.id,
      fullName: member.full_name,
      email: staffVisibleEmail(member),
      organisation: member.organisation,
      ...profileLabels(member),
      icbPcn: member.icb_pcn,
      bulletin: member.bulletin_opt_in === 1,
      events: member.events_opt_in === 1,
      status: member.status,
      statusReason: member.status_reason,
      createdAt: member.created_at,
      emailVerifiedAt: member.email_verified_at,
    },
    roles: roles.map((grant) => describeRole(grant.role, grant.scope)),
    activeSessions,
    history: entriesForPage(history.entries),
  }, { headers: flash.headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user: staff } = await requireAdmin(request);
  const id = idParam(params.id);
  const form = await request.formData();
  if (form.get("intent") !== "approve") return { error: "Choose an action from the page" };
  const result = await approveMember(staff.id, id);
  if (!result.ok) return { error: result.error };
  throw redirectWithFlash(`/admin/members/${id}`, "Approved. We have emailed them to say they can sign in.", { kind: JOINER_DECIDED });
}

export default function MemberDetail() {
  const { banner, refused, next, allowRule, isSelf, member, roles, activeSessions, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error ?? refused;
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/members", label: "Members" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {banner ? <SuccessBanner>{banner}</SuccessBanner> : null}
          {next ? (
            <p>
              {next.joiner ? (
                <Link to={`/admin/members/${next.joiner.id}`}>Next waiting joiner: {next.joiner.fullName}</Link>
              ) : (
                "No one else is waiting for approval."
              )}
            </p>
          ) : null}
          <ErrorSummary errors={error ? [{ fieldId: "member-actions", message: error }] : []} />
          <span className="nhsuk-caption-l">Staff tools</span>
          <h1>{member.fullName}</h1>
          <p>
            <StatusTag status={member.status} />
          </p>
          {member.statusReason ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>Reason given: {member.statusReason}</p>
            </div>
          ) : null}

          <h2>Profile</h2>
          <SummaryList
            rows={[
              { key: "Email address", value: member.email },
              { key: "Organisation", value: member.organisation || "None" },
              { key: "Job role", value: member.jobRole || "None" },
              { key: "NHS England region", value: member.region || "None" },
              { key: "ICB or PCN", value: member.icbPcn || "Not given" },
              { key: "Workspace interests", value: member.interests.length ? member.interests.join(", ") : "None chosen" },
              { key: "Monthly bulletin", value: member.bulletin ? "Yes" : "No" },
              { key: "Webinar and event emails", value: member.events ? "Yes" : "No" },
              { key: "Roles", value: roles.length ? roles.join(", ") : "Member" },
              { key: "Asked to join", value: formatUkDay(member.createdAt) },
              { key: "Email confirmed", value: member.emailVerifiedAt ? formatUkDateTime(member.emailVerifiedAt) : "Not yet" },
              { key: "Signed in on", value: activeSessions === 1 ? "1 device" : `${activeSessions} devices` },
            ]}
          />

          <div id="member-actions" tabIndex={-1}>
            {member.status === "pending" ? (
              <>
                <h2>Request to join</h2>
                {allowRule ? (
                  <div className="nhsuk-inset-text">
                    <span className="nhsuk-u-visually-hidden">Information: </span>
                    <p>
                      {allowRule.domain} now has an “Always allow” rule{allowRule.note ? ` (“${allowRule.note}”)` : ""}, so
                      people who join from it become members straight away. {member.fullName} confirmed their address before
                      the rule was added, so their request still needs a decision.
                    </p>
                  </div>
                ) : null}
                <p>Check that they work in or with social prescribing. Both choices send them an email.</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="approve" />
                  <div className="nhsuk-button-group">
                    <button className="nhsuk-button" data-module="nhsuk-button" type="submit">
                      {allowRule ? `Approve ${member.fullName} (${allowRule.domain} is always allowed)` : "Approve"}
                    </button>
                    <Link className="nhsuk-button nhsuk-button--secondary" to={`/admin/members/${member.id}/decline`}>
                      Decline
                    </Link>
                  </div>
                </Form>
              </>
            ) : null}
            {member.status === "active" && !isSelf ? (
              <>
                <h2>Remove from the network</h2>
                <p>Removing someone signs them out everywhere, withdraws their roles and emails them your reason.</p>
                <Link className="nhsuk-button nhsuk-button--warning" to={`/admin/members/${member.id}/remove`}>
                  Remove {member.fullName}
                </Link>
              </>
            ) : null}
          </div>
        </div>
      </div>

      <h2>History</h2>
      {history.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <ScrollingTable caption="History of this member, newest first">
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">When</th>
              <th scope="col" className="nhsuk-table__header">What</th>
              <th scope="col" className="nhsuk-table__header">By</th>
              <th scope="col" className="nhsuk-table__header">Details</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {history.map((entry) => (
              <tr key={entry.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">{formatUkDateTime(entry.at)}</td>
                <td className="nhsuk-table__cell">{entry.summary}</td>
                <td className="nhsuk-table__cell">{entry.actorName}</td>
                <td className="nhsuk-table__cell">
                  <AuditDetails lines={entry.detailLines} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
