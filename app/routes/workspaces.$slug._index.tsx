import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import { db } from "~/db.server";
import { pageParam } from "~/lib/params";
import { formatUkDateTime, formatUkDay } from "~/ui/dates";
import { ErrorSummary, SubmitButton, TextareaField } from "~/ui/forms";
import { SuccessBanner } from "~/ui/notification";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { forbidden, notFound, requireWorkspace } from "~/workspaces/access.server";
import { InsetText, IntentButton, WorkspacePageHeader } from "~/workspaces/components";
import { isSubscribed, setDigest } from "~/workspaces/digest.server";
import { headingFor, leadsOf, subAreasOf } from "~/workspaces/directory.server";
import { listThreads } from "~/workspaces/discussions.server";
import { cancelRequest, joinWorkspace, leaveWorkspace, removalOf, requestToJoin, type Outcome } from "~/workspaces/memberships.server";
import { joinRequestSchema } from "~/workspaces/schemas";
import { readFlash } from "~/lib/flash.server";
import { redirectWithOutcome, type Outcome as OutcomeOf } from "~/workspaces/outcomes.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.heading.name ?? "Workspace"} – Workspaces – Social Prescribing Network` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "see");
  const { workspace, status, isLead, canRead, canPost, current } = viewer;
  const url = new URL(request.url);
  const flash = readFlash(request);
  const base = {
    heading: await headingFor(workspace),
    description: workspace.description,
    status,
    isLead,
    canRead,
    canPost,
    banner: flash.message,
    subAreas: await subAreasOf(workspace.id),
  };
  if (!canRead) {
    const removal = status === "removed" ? await removalOf(workspace.id, current.user.id) : undefined;
    return data({ ...base, removal: removal ?? null, read: null }, { headers: flash.headers });
  }
  const [threads, leads, subscribed, openReports] = await Promise.all([
    listThreads(workspace.id, pageParam(url.searchParams)),
    leadsOf(workspace),
    canPost ? isSubscribed(workspace.id, current.user.id) : Promise.resolve(false),
    isLead
      ? db()
          .selectFrom("workspace_reports")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("workspace_id", "=", workspace.id)
          .where("status", "=", "open")
          .executeTakeFirstOrThrow()
          .then((row) => Number(row.n))
      : Promise.resolve(0),
  ]);
  return data({ ...base, removal: null, read: { threads, leads: leads.map((lead) => lead.full_name), subscribed, openReports } }, { headers: flash.headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "see");
  const form = await request.formData();
  const intent = form.get("intent");
  const back = (done: OutcomeOf<"workspace">) => redirectWithOutcome(`/workspaces/${viewer.workspace.slug}`, "workspace", done);
  const reply = (outcome: Outcome, done: OutcomeOf<"workspace">) => (outcome.ok ? back(done) : { error: outcome.error });
  // Members-only intents: to anyone who cannot read a private workspace it does not exist.
  const requireMember = () => {
    if (!viewer.canRead) throw notFound();
    if (!viewer.canPost) throw forbidden();
  };
  switch (intent) {
    case "join":
      return reply(await joinWorkspace(viewer), "joined");
    case "request": {
      const parsed = joinRequestSchema.safeParse({ message: form.get("message") ?? undefined });
      if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check your message" };
      return reply(await requestToJoin(viewer, parsed.data.message), "requested");
    }
    case "cancel":
      return reply(await cancelRequest(viewer), "cancelled");
    case "leave":
      requireMember();
      return reply(await leaveWorkspace(viewer), "left");
    case "digest-on":
    case "digest-off":
      requireMember();
      await setDigest(viewer, intent === "digest-on");
      return back(intent);
    default:
      return { error: "Choose an action from the page" };
  }
}

export default function WorkspacePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { heading, description, status, isLead, canRead, banner, subAreas } = data;
  const error = actionData && "error" in actionData ? actionData.error : null;
  return (
    <>
      {canRead ? (
        <WorkspacePageHeader workspace={heading} heading={heading.name} current="discussions" isLead={isLead} crumbs={[]} />
      ) : (
        <NameOnlyHeader name={heading.name} parent={heading.parent} />
      )}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {banner && !error ? <SuccessBanner>{banner}</SuccessBanner> : null}
          <ErrorSummary errors={error ? [{ fieldId: "workspace-actions", message: error }] : []} />
          <p className="nhsuk-lede-text">{description}</p>
          <div id="workspace-actions">
            <Standing data={data} />
          </div>
          {subAreas.length > 0 ? (
            <>
              <h2>Areas within {heading.name}</h2>
              <p>Each area has its own members.</p>
              <ul>
                {subAreas.map((area) => (
                  <li key={area.slug}>
                    <Link to={`/workspaces/${area.slug}`}>{area.name}</Link>
                    {area.visibility === "private" ? " (private)" : ""}: {area.description}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {data.read ? <Discussions data={data} read={data.read} /> : null}
          {!canRead && status !== "removed" ? (
            <InsetText>
              <p>
                This workspace is private. Its discussions, resources and members are only for its members. Read the{" "}
                <Link to="/workspaces">other workspaces</Link> in the meantime.
              </p>
            </InsetText>
          ) : null}
        </div>
      </div>
    </>
  );
}

function NameOnlyHeader({ name, parent }: { name: string; parent: { slug: string; name: string } | null }) {
  return (
    <>
      <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
        <ol className="nhsuk-breadcrumb__list">
          <li className="nhsuk-breadcrumb__list-item">
            <Link className="nhsuk-breadcrumb__link" to="/">
              Home
            </Link>
          </li>
          <li className="nhsuk-breadcrumb__list-item">
            <Link className="nhsuk-breadcrumb__link" to="/workspaces">
              Workspaces
            </Link>
          </li>
          {parent ? (
            <li className="nhsuk-breadcrumb__list-item">
              <Link className="nhsuk-breadcrumb__link" to={`/workspaces/${parent.slug}`}>
                {parent.name}
              </Link>
            </li>
          ) : null}
        </ol>
      </nav>
      <span className="nhsuk-caption-l">Private workspace</span>
      <h1>{name}</h1>
    </>
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** The member's standing here and what they can do about it: join, ask, withdraw, leave. */
function Standing({ data }: { data: Data }) {
  const { heading, status, isLead, removal } = data;
  if (status === "removed") {
    return (
      <InsetText>
        <p>
          The workspace's leads removed you from this workspace{removal?.removed_at ? ` on ${formatUkDay(removal.removed_at)}` : ""}.
          {removal?.removed_reason ? ` The reason they gave: ${removal.removed_reason}` : ""}
        </p>
      </InsetText>
    );
  }
  if (status === "requested") {
    return (
      <>
        <p>You have asked to join. The workspace's leads will decide, and we will email you either way.</p>
        <IntentButton intent="cancel" secondary>
          Withdraw your request
        </IntentButton>
      </>
    );
  }
  if (status === "none" && !isLead) {
    if (heading.visibility === "open") {
      return <IntentButton intent="join">Join this workspace</IntentButton>;
    }
    return (
      <Form method="post">
        <input type="hidden" name="intent" value="request" />
        <TextareaField
          id="message"
          name="message"
          label="Message to the workspace's leads (optional)"
          hint="For example, your role and why you would like to join. 500 characters or fewer."
          rows={3}
        />
        <SubmitButton>Request to join</SubmitButton>
      </Form>
    );
  }
  return null;
}

function Discussions({ data, read }: { data: Data; read: NonNullable<Data["read"]> }) {
  const { heading, canPost, status, isLead } = data;
  const { threads, leads, subscribed, openReports } = read;
  const search = useLocation().search;
  return (
    <>
      {leads.length > 0 ? <p>Led by {leads.join(", ")}.</p> : null}
      {isLead && openReports > 0 ? (
        <p>
          <Link to={`/workspaces/${heading.slug}/moderation`}>
            {openReports} {openReports === 1 ? "report is" : "reports are"} waiting for you in moderation
          </Link>
        </p>
      ) : null}
      <h2>Discussions</h2>
      {canPost ? (
        <p>
          <Link className="nhsuk-button" to={`/workspaces/${heading.slug}/new`} data-module="nhsuk-button">
            Start a discussion
          </Link>
        </p>
      ) : (
        <p>Join this workspace to start or reply to a discussion.</p>
      )}
      {threads.total === 0 ? (
        <p>No one has started a discussion yet.</p>
      ) : (
        <>
          <p className="nhsuk-body-s" role="status">
            {threads.total} {threads.total === 1 ? "discussion" : "discussions"}
            {threads.pageCount > 1 ? `, page ${threads.page} of ${threads.pageCount}` : ""}.
          </p>
          <ul className="nhsuk-list">
            {threads.rows.map((thread) => (
              <li key={thread.id} className="spn-post">
                <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                  <Link to={`/workspaces/${heading.slug}/threads/${thread.id}`}>{thread.title}</Link>
                </h3>
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                  {thread.pinned ? <strong className="nhsuk-tag nhsuk-tag--blue">Pinned</strong> : null}{" "}
                  {thread.locked ? <strong className="nhsuk-tag nhsuk-tag--grey">Locked</strong> : null}
                </p>
                <p className="nhsuk-body-s">
                  Started by {thread.author_name}. {thread.reply_count} {thread.reply_count === 1 ? "reply" : "replies"}. Last post{" "}
                  {formatUkDateTime(thread.last_post_at)}.
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={threads.page} pageCount={threads.pageCount} search={search} />
        </>
      )}
      {canPost ? (
        <>
          <h2>Email about new discussions</h2>
          {subscribed ? (
            <>
              <p>We email you once a day when there are new discussions here.</p>
              <IntentButton intent="digest-off" secondary>
                Stop the daily email
              </IntentButton>
            </>
          ) : (
            <>
              <p>Get one email a day listing new discussions in this workspace, only on days there are some.</p>
              <IntentButton intent="digest-on" secondary>
                Email me new discussions daily
              </IntentButton>
            </>
          )}
          {status === "member" ? (
            <>
              <h2>Leave this workspace</h2>
              <p>You can join {heading.visibility === "private" ? "again only if its leads approve" : "again at any time"}.</p>
              <IntentButton intent="leave" warning>
                Leave this workspace
              </IntentButton>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
