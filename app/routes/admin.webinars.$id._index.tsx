import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { readFlash, redirectWithFlash } from "~/lib/flash.server";
import { idParam, pageParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDateTime } from "~/ui/dates";
import { ErrorSummary, formGroupId, TextareaField, type FieldError } from "~/ui/forms";
import { SuccessBanner } from "~/ui/notification";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ScrollingTable } from "~/ui/scrolling-table";
import { SummaryList } from "~/ui/summary-list";
import { approveRegistrations, declineRegistrations, type DecisionResult } from "~/webinars/approve-registration.server";
import { decisionMessage } from "~/webinars/outcomes.server";
import { isRegistrationStatus, POSSIBLY_SHARED_BROWSERS, REGISTRATION_STATUSES, RegistrationStatusTag } from "~/webinars/registration-statuses";
import { decisionSchema } from "~/webinars/staff-decision-schema";
import { getWebinarForStaff, listRegistrationsForStaff, type RegistrationFilter } from "~/webinars/staff-registrations.server";
import { WarningCallout } from "~/webinars/webinar-ui";
import { ContentsList } from "~/ui/contents-list";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.webinar.title ?? "Webinar"} – Staff tools – Social Prescribing Network` }];

function filterFrom(value: string | null): RegistrationFilter | undefined {
  if (!value) return undefined;
  if (value === "joined" || value === "shared" || isRegistrationStatus(value)) return value;
  return undefined;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = idParam(params.id);
  const webinar = await getWebinarForStaff(id);
  if (!webinar) throw new Response(null, { status: 404 });
  const search = new URL(request.url).searchParams;
  const filter = filterFrom(search.get("status"));
  const registrations = await listRegistrationsForStaff(id, { filter, page: pageParam(search) });
  const flash = readFlash(request);
  return data({ webinar, filter: filter ?? null, registrations, banner: flash.message }, { headers: flash.headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const id = idParam(params.id);
  const form = await request.formData();
  const reasonTyped = form.get("reason");
  // What staff ticked and typed, shown again with an error so nothing is lost.
  const submitted = {
    registrations: form.getAll("registration").filter((value): value is string => typeof value === "string"),
    reason: typeof reasonTyped === "string" ? reasonTyped : "",
  };
  const submission = parseWithZod(form, { schema: decisionSchema });
  if (submission.status !== "success") {
    const { registration, reason, ...others } = submission.error ?? {};
    // Errors about anything else (an unknown action, a registration that is not a number) come from no
    // control on the page: their messages are zod's, so staff are told what to do instead.
    const crafted = Object.values(others).some((messages) => messages?.length);
    const errors = { registrations: crafted ? "Choose an action from the page" : (registration?.[0] ?? null), reason: reason?.[0] ?? null };
    return data({ errors, submitted }, { status: 400 });
  }
  const decision = submission.value;
  let result: DecisionResult;
  if (decision.intent === "approve-all") result = await approveRegistrations(user.id, id, "all-pending");
  else if (decision.intent === "approve") result = await approveRegistrations(user.id, id, decision.registration);
  else result = await declineRegistrations(user.id, id, decision.registration, decision.reason || null);
  if (!result.ok) return data({ errors: { registrations: result.error, reason: null }, submitted }, { status: 409 });
  // Back to the list staff decided from (the same status filter and page), which says what the decision did.
  const from = new URL(request.url).searchParams;
  const back = new URLSearchParams();
  for (const key of ["status", "page"]) {
    const value = from.get(key);
    if (value) back.set(key, value);
  }
  throw redirectWithFlash(`/admin/webinars/${id}${back.size ? `?${back}` : ""}`, decisionMessage(result));
}

export default function StaffWebinar() {
  const { webinar, filter, registrations, banner } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const { counts } = webinar;
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const filters: Array<{ value: string | null; label: string; count: number }> = [
    { value: null, label: "All", count: total },
    ...REGISTRATION_STATUSES.map((status) => ({ value: status.value as string, label: status.label, count: counts[status.value] })),
    ...(webinar.started ? [{ value: "joined", label: "Joined", count: webinar.joined }] : []),
    ...(webinar.possiblyShared ? [{ value: "shared", label: "Link possibly shared", count: webinar.possiblyShared }] : []),
  ];
  const canDecide = !webinar.cancelled;
  const questions = webinar.questions;
  const errors = actionData?.errors;
  const summary: FieldError[] = [
    ...(errors?.registrations ? [{ fieldId: "registrations", message: errors.registrations }] : []),
    ...(errors?.reason ? [{ fieldId: "reason", groupId: formGroupId("reason"), message: errors.reason }] : []),
  ];
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/webinars", label: "Webinars" }]} />
      {banner ? <SuccessBanner>{banner}</SuccessBanner> : null}
      <ErrorSummary errors={summary} />
      <span className="nhsuk-caption-l">{webinar.series ? `Staff tools: ${webinar.series.title}` : "Staff tools"}</span>
      <h1>{webinar.title}</h1>
      {webinar.cancelled ? (
        <WarningCallout heading="This webinar is cancelled">
          <p>{webinar.cancelReason}</p>
        </WarningCallout>
      ) : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: "When (UK time)", value: webinar.when },
              { key: "Places", value: `${counts.approved} of ${webinar.capacity} taken; ${counts.waitlisted} on the waiting list` },
              { key: "Registration", value: webinar.cancelled ? "Closed (cancelled)" : webinar.started ? "Closed (it has started)" : webinar.registrationOpen ? "Open" : "Not open" },
              {
                key: "Joining links",
                value: webinar.linksDue || webinar.ended ? `Sent to ${counts.approved ? `${webinar.linksSent} of ${counts.approved}` : "0"} people with a place` : `Will be emailed ${webinar.linksSendAt}`,
              },
              ...(webinar.started
                ? [{ key: "Attendance", value: `${webinar.joined} of ${counts.approved} people with a place pressed Join` }]
                : []),
              { key: "Meeting link", value: <span className="spn-break-all">{webinar.meetingUrl}</span> },
              ...(webinar.series ? [{ key: "Series", value: <Link to={`/admin/webinars/series/${webinar.series.id}`}>{webinar.series.title}</Link> }] : []),
            ]}
          />
          <ul className="nhsuk-list">
            {!webinar.cancelled ? (
              <li>
                <Link to={`/admin/webinars/${webinar.id}/edit`}>Change this webinar</Link>
              </li>
            ) : null}
            {!webinar.cancelled && !webinar.ended ? (
              <li>
                <Link to={`/admin/webinars/${webinar.id}/cancel`}>Cancel this webinar</Link>
              </li>
            ) : null}
            <li>
              <Link to={`/webinars/${webinar.id}`}>See the public page</Link>
            </li>
            <li>
              <Link to={`/admin/webinars/${webinar.id}/registrations.csv`} reloadDocument>
                Download all registrations (CSV)
              </Link>
            </li>
          </ul>
        </div>
      </div>

      <h2 id="registrations" tabIndex={-1}>
        Registrations
      </h2>
      <ContentsList
        label="Show registrations"
        links={filters.map((option) => ({ to: option.value ? `?status=${option.value}` : "?", label: `${option.label} (${option.count})` }))}
        current={filter ? `?status=${filter}` : "?"}
      />

      {canDecide && counts.pending > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="approve-all" />
          <p>
            Approving gives places in the order people registered, until the webinar is full; after that, people go on the
            waiting list. Everyone is emailed.
          </p>
          <button className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
            {counts.pending === 1 ? "Approve the 1 registration waiting for approval" : `Approve all ${counts.pending} registrations waiting for approval`}
          </button>
        </Form>
      ) : null}

      <p role="status">
        {registrations.total === 1 ? "1 registration" : `${registrations.total} registrations`}
        {filter ? " shown" : ""}
        {registrations.pageCount > 1 ? ` (page ${registrations.page} of ${registrations.pageCount})` : ""}, first registered first.
      </p>

      {registrations.rows.length ? (
        <Form method="post">
          <ScrollingTable caption="Registrations, first registered first">
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                {canDecide ? <th scope="col" className="nhsuk-table__header">Select</th> : null}
                <th scope="col" className="nhsuk-table__header">Person</th>
                <th scope="col" className="nhsuk-table__header">Registered</th>
                <th scope="col" className="nhsuk-table__header">Status</th>
                {questions.length ? <th scope="col" className="nhsuk-table__header">Answers</th> : null}
                <th scope="col" className="nhsuk-table__header">Joining link sent</th>
                {webinar.started ? <th scope="col" className="nhsuk-table__header">Joined</th> : null}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {registrations.rows.map((row) => (
                <tr key={row.id} className="nhsuk-table__row">
                  {canDecide ? (
                    <td className="nhsuk-table__cell">
                      <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                        <div className="nhsuk-checkboxes__item">
                          <input
                            className="nhsuk-checkboxes__input"
                            id={`registration-${row.id}`}
                            name="registration"
                            type="checkbox"
                            value={row.id}
                            defaultChecked={actionData?.submitted.registrations.includes(String(row.id))}
                          />
                          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`registration-${row.id}`}>
                            <span className="nhsuk-u-visually-hidden">Select {row.fullName}</span>
                          </label>
                        </div>
                      </div>
                    </td>
                  ) : null}
                  <td className="nhsuk-table__cell">
                    <Link to={`/admin/members/${row.userId}`}>{row.fullName}</Link>
                    <br />
                    <span className="nhsuk-body-s">
                      {row.email}
                      <br />
                      {row.organisation}
                      {row.jobRole ? `, ${row.jobRole}` : ""}
                    </span>
                  </td>
                  <td className="nhsuk-table__cell">{formatUkDateTime(row.registeredAt)}</td>
                  <td className="nhsuk-table__cell">
                    <RegistrationStatusTag status={row.status} />
                    {row.declineReason ? <div className="nhsuk-body-s spn-pre-line">Reason: {row.declineReason}</div> : null}
                  </td>
                  {questions.length ? (
                    <td className="nhsuk-table__cell">
                      {questions.map((question) =>
                        row.answers[question.id] ? (
                          <p key={question.id} className="nhsuk-body-s spn-pre-line">
                            <span className="nhsuk-u-visually-hidden">{question.label}: </span>
                            {row.answers[question.id]}
                          </p>
                        ) : null,
                      )}
                    </td>
                  ) : null}
                  <td className="nhsuk-table__cell">{row.linksSentAt ? formatUkDateTime(row.linksSentAt) : "Not yet"}</td>
                  {webinar.started ? (
                  <td className="nhsuk-table__cell">
                    {row.firstJoinedAt ? formatUkDateTime(row.firstJoinedAt) : "No"}
                    {row.browsers > 1 ? (
                      <div>
                        <strong className={`nhsuk-tag ${row.possiblyShared ? "nhsuk-tag--red" : "nhsuk-tag--grey"}`}>
                          {row.possiblyShared ? `Possibly shared: ${row.browsers} browsers` : `${row.browsers} browsers`}
                        </strong>
                      </div>
                    ) : null}
                  </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
          {canDecide ? (
            <div className="nhsuk-u-margin-top-4">
              <TextareaField
                id="reason"
                name="reason"
                label="Reason for declining (optional)"
                hint="Emailed to the people you decline. Say what would help them, for example another webinar that suits them better."
                rows={3}
                errors={errors?.reason ? [errors.reason] : undefined}
                defaultValue={actionData?.submitted.reason}
              />
              <div className="nhsuk-button-group">
                <button className="nhsuk-button" data-module="nhsuk-button" type="submit" name="intent" value="approve">
                  Approve selected
                </button>
                <button className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit" name="intent" value="decline">
                  Decline selected
                </button>
              </div>
            </div>
          ) : null}
        </Form>
      ) : (
        <p>No registrations to show.</p>
      )}
      <Pagination page={registrations.page} pageCount={registrations.pageCount} search={location.search} />
      {webinar.started ? (
        <p className="nhsuk-body-s">
          Joined means the person pressed Join the webinar on their joining page or the webinar's page. A link used from{" "}
          {POSSIBLY_SHARED_BROWSERS} or more browsers is marked as possibly shared.
        </p>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
