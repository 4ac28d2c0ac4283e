import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import { db } from "~/db.server";
import { pageParam } from "~/lib/params";
import { formatUkDateTime } from "~/ui/dates";
import { ErrorSummary } from "~/ui/forms";
import { SuccessBanner } from "~/ui/notification";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { notFound, requireWorkspace } from "~/workspaces/access.server";
import { IntentButton, PostBody, WorkspacePageHeader } from "~/workspaces/components";
import { headingFor } from "~/workspaces/directory.server";
import { requirePost, requireThread, setThreadFlag } from "~/workspaces/discussions.server";
import { approveRequest, pendingRequests, readmit, removedMembers } from "~/workspaces/memberships.server";
import { dismissReport, hiddenPosts, reportQueue, requireOpenReport, restorePost } from "~/workspaces/moderation.server";
import { REPORT_REASON_LABELS } from "~/workspaces/options";
import { readFlash } from "~/lib/flash.server";
import { redirectWithOutcome, type Outcome as OutcomeOf } from "~/workspaces/outcomes.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Moderation – ${data?.heading.name ?? "Workspace"} – Social Prescribing Network` }];

/** For the workspace's leads and admins only: everyone else gets 403 (or 404 for a private workspace they cannot read). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "lead");
  const { workspace } = viewer;
  const url = new URL(request.url);
  const [queue, requests, hidden, removed] = await Promise.all([
    reportQueue(workspace.id, pageParam(url.searchParams)),
    pendingRequests(workspace.id),
    hiddenPosts(workspace.id),
    removedMembers(workspace.id),
  ]);
  const authorIds = [...new Set(queue.reports.map((report) => report.author_id))];
  const members = authorIds.length
    ? await db().selectFrom("workspace_memberships").select("user_id").where("workspace_id", "=", workspace.id).where("status", "=", "member").where("user_id", "in", authorIds).execute()
    : [];
  const memberIds = new Set(members.map((m) => m.user_id));
  const flash = readFlash(request);
  const page = {
    heading: await headingFor(workspace),
    isAdmin: viewer.current.isAdmin,
    me: viewer.current.user.id,
    queue: { ...queue, reports: queue.reports.map((report) => ({ ...report, authorIsMember: memberIds.has(report.author_id) })) },
    requests,
    hidden,
    removed,
    banner: flash.message,
  };
  return data(page, { headers: flash.headers });
}

function numberField(form: FormData, name: string): number {
  const value = Number(form.get(name));
  if (!Number.isSafeInteger(value) || value < 1) throw notFound();
  return value;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "lead");
  const form = await request.formData();
  const done = (what: OutcomeOf<"moderation">) => redirectWithOutcome(`/workspaces/${viewer.workspace.slug}/moderation`, "moderation", what);
  switch (form.get("intent")) {
    case "approve": {
      const outcome = await approveRequest(viewer, numberField(form, "userId"));
      return outcome.ok ? done("approved") : { error: outcome.error };
    }
    case "dismiss": {
      const outcome = await dismissReport(viewer, numberField(form, "reportId"));
      return outcome.ok ? done("dismissed") : { error: outcome.error };
    }
    case "lock": {
      const report = await requireOpenReport(viewer.workspace.id, numberField(form, "reportId"));
      const { thread } = await requirePost(viewer, report.post_id);
      await setThreadFlag(viewer, await requireThread(viewer, thread.id), "locked", true, { reportId: report.id });
      return done("locked");
    }
    case "restore": {
      const { post } = await requirePost(viewer, numberField(form, "postId"));
      const outcome = await restorePost(viewer, post);
      return outcome.ok ? done("restored") : { error: outcome.error };
    }
    case "readmit": {
      const outcome = await readmit(viewer, numberField(form, "userId"));
      return outcome.ok ? done("readmitted") : { error: outcome.error };
    }
    default:
      return { error: "Choose an action from the page" };
  }
}

export default function Moderation() {
  const { heading, isAdmin, me, queue, requests, hidden, removed, banner } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const search = useLocation().search;
  const base = `/workspaces/${heading.slug}`;
  return (
    <>
      <WorkspacePageHeader workspace={heading} heading="Moderation" current="moderation" isLead />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds" id="moderation">
          {banner && !actionData ? <SuccessBanner>{banner}</SuccessBanner> : null}
          <ErrorSummary errors={actionData?.error ? [{ fieldId: "moderation", message: actionData.error }] : []} />
          <p>
            Everything you do here is recorded in the audit log. Your powers apply to this workspace only.
            {isAdmin ? " As an admin, you can also remove a member from the whole network from their staff page." : ""}
          </p>

          <h2>Requests to join</h2>
          {requests.length === 0 ? <p>No one is waiting.</p> : null}
          <ul className="nhsuk-list">
            {requests.map((request) => (
              <li key={request.id} className="spn-post">
                <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{request.full_name}</h3>
                <p className="nhsuk-body-s">
                  {request.organisation}. Asked {request.requested_at ? formatUkDateTime(request.requested_at) : ""}.
                </p>
                {request.request_message ? <p>“{request.request_message}”</p> : null}
                <div className="spn-post__actions">
                  <IntentButton intent="approve" fields={{ userId: request.id }}>
                    Approve<span className="nhsuk-u-visually-hidden"> {request.full_name}</span>
                  </IntentButton>
                  <Link to={`${base}/requests/${request.id}/decline`}>
                    Decline<span className="nhsuk-u-visually-hidden"> {request.full_name}'s request</span>
                  </Link>
                </div>
              </li>
            ))}
          </ul>

          <h2>Reported posts</h2>
          {queue.total === 0 ? <p>There are no open reports.</p> : <p role="status">{queue.total} open {queue.total === 1 ? "report" : "reports"}, oldest first.</p>}
          <ol className="nhsuk-list">
            {queue.reports.map((report) => (
              <li key={report.id} className="spn-post">
                <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                  {REPORT_REASON_LABELS[report.reason] ?? report.reason}: post by {report.author_name}
                </h3>
                <p className="nhsuk-body-s">
                  Reported by {report.reporter_name ?? "a former member"} {formatUkDateTime(report.created_at)} in{" "}
                  <Link to={`${base}/threads/${report.thread_id}`}>{report.thread_title}</Link>.
                </p>
                {report.details ? <p>“{report.details}”</p> : null}
                <div className="nhsuk-inset-text">
                  <span className="nhsuk-u-visually-hidden">The reported post: </span>
                  <p className="nhsuk-body-s">
                    Posted {formatUkDateTime(report.posted_at)}
                    {report.edited_at ? `, edited ${formatUkDateTime(report.edited_at)}` : ""}
                    {report.hidden_at ? ". Already hidden" : ""}
                  </p>
                  {report.html !== null ? <PostBody html={report.html} /> : <p>Its author has deleted it.</p>}
                  {report.edited_at ? (
                    <p className="nhsuk-body-s">
                      <Link to={`${base}/posts/${report.post_id}/history`}>Earlier versions of this post</Link>
                    </p>
                  ) : null}
                </div>
                <div className="spn-post__actions">
                  <IntentButton intent="dismiss" fields={{ reportId: report.id }} secondary>
                    Dismiss<span className="nhsuk-u-visually-hidden"> the report about {report.author_name}'s post</span>
                  </IntentButton>
                  {!report.hidden_at && !report.deleted_at ? (
                    <Link to={`${base}/posts/${report.post_id}/hide?report=${report.id}`}>
                      Hide the post<span className="nhsuk-u-visually-hidden"> by {report.author_name}</span>
                    </Link>
                  ) : null}
                  {!report.locked ? (
                    <IntentButton intent="lock" fields={{ reportId: report.id }} secondary>
                      Lock the discussion<span className="nhsuk-u-visually-hidden"> {report.thread_title}</span>
                    </IntentButton>
                  ) : null}
                  {report.authorIsMember && report.author_id !== me ? (
                    <Link to={`${base}/members/${report.author_id}/remove?report=${report.id}`}>
                      Remove {report.author_name} from the workspace
                    </Link>
                  ) : null}
                  {isAdmin && report.author_id !== me ? (
                    <Link to={`/admin/members/${report.author_id}/remove`}>
                      Remove {report.author_name} from the network
                    </Link>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
          <Pagination page={queue.page} pageCount={queue.pageCount} search={search} />

          <h2 id="hidden-posts">Hidden posts</h2>
          {hidden.length === 0 ? <p>No posts are hidden.</p> : null}
          <ul className="nhsuk-list">
            {hidden.map((post) => (
              <li key={post.id} className="spn-post">
                <p>
                  Post by {post.author_name} in <Link to={`${base}/threads/${post.thread_id}#post-${post.id}`}>{post.thread_title}</Link>, hidden{" "}
                  {post.hidden_at ? formatUkDateTime(post.hidden_at) : ""}. Reason: {post.hidden_reason}
                </p>
                <IntentButton intent="restore" fields={{ postId: post.id }} secondary>
                  Restore<span className="nhsuk-u-visually-hidden"> the post by {post.author_name}</span>
                </IntentButton>
              </li>
            ))}
          </ul>

          <h2>Removed members</h2>
          {removed.length === 0 ? <p>No one has been removed.</p> : null}
          <ul className="nhsuk-list">
            {removed.map((member) => (
              <li key={member.id} className="spn-post">
                <p>
                  {member.full_name}, removed {member.removed_at ? formatUkDateTime(member.removed_at) : ""}. Reason: {member.removed_reason}
                </p>
                <IntentButton intent="readmit" fields={{ userId: member.id }} secondary>
                  Let {member.full_name} join again
                </IntentButton>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
