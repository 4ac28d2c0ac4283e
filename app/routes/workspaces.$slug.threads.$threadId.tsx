import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/ui/link";
import { createOnce, newOnceToken, readOnce } from "~/lib/once.server";
import { idParam, pageParam } from "~/lib/params";
import { SuccessBanner } from "~/ui/notification";
import { Pagination } from "~/ui/pagination";
import { RouteErrorBoundary } from "~/ui/route-error";
import { forbidden, requireWorkspace } from "~/workspaces/access.server";
import { InsetText, IntentButton, PostBody, PostByline, WorkspacePageHeader } from "~/workspaces/components";
import { headingFor } from "~/workspaces/directory.server";
import { listPosts, postLocation, reply, requireThread, setThreadFlag, type PostView } from "~/workspaces/discussions.server";
import { invalidPost, postInput, replyToHeldOrRefused } from "~/workspaces/post-actions.server";
import { PostForm } from "~/workspaces/post-form";
import { replySchema } from "~/workspaces/schemas";
import { readFlash } from "~/lib/flash.server";
import { redirectWithOutcome } from "~/workspaces/outcomes.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.thread.title ?? "Discussion"} – ${data?.heading.name ?? "Workspace"} – Social Prescribing Network` },
];

const FLAG_DONE = { pin: "pinned", unpin: "unpinned", lock: "locked", unlock: "unlocked" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "read");
  const thread = await requireThread(viewer, idParam(params.threadId));
  const url = new URL(request.url);
  const posts = await listPosts(viewer, thread, pageParam(url.searchParams));
  const flash = readFlash(request);
  return data(
    {
      heading: await headingFor(viewer.workspace),
      isLead: viewer.isLead,
      canPost: viewer.canPost,
      canReply: viewer.canPost && (!thread.locked || viewer.isLead),
      thread: { id: thread.id, title: thread.title, pinned: thread.pinned === 1, locked: thread.locked === 1, listed: thread.removed_at === null },
      posts,
      banner: flash.message,
      once: newOnceToken(),
    },
    { headers: flash.headers },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "post");
  const thread = await requireThread(viewer, idParam(params.threadId));
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/workspaces/${viewer.workspace.slug}/threads/${thread.id}`;
  if (intent === "pin" || intent === "unpin" || intent === "lock" || intent === "unlock") {
    if (!viewer.isLead) throw forbidden();
    await setThreadFlag(viewer, thread, intent.endsWith("pin") ? "pinned" : "locked", !intent.startsWith("un"));
    throw redirectWithOutcome(here, "thread", FLAG_DONE[intent]);
  }
  const submission = parseWithZod(formData, { schema: replySchema });
  if (submission.status !== "success") return invalidPost(submission);
  const once = readOnce(formData, "workspace-reply");
  const replied = await createOnce(once, () => reply(viewer, thread, postInput(submission.value), once));
  // A repeat of the same submission is answered as the first was.
  const outcome = "earlier" in replied ? { ok: true as const, postId: replied.earlier } : replied.result;
  if (!outcome.ok) return replyToHeldOrRefused(submission, outcome);
  const location = await postLocation(outcome.postId);
  throw redirectWithOutcome(`${here}${location && location.page > 1 ? `?page=${location.page}` : ""}#post-${outcome.postId}`, "thread", "replied");
}

export default function Thread() {
  const { heading, isLead, canPost, canReply, thread, posts, banner, once } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const search = useLocation().search;
  return (
    <>
      <WorkspacePageHeader workspace={heading} heading={thread.title} current={null} isLead={isLead} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {banner && !actionData ? <SuccessBanner>{banner}</SuccessBanner> : null}
          <p>
            {thread.pinned ? <strong className="nhsuk-tag nhsuk-tag--blue">Pinned</strong> : null}{" "}
            {thread.locked ? <strong className="nhsuk-tag nhsuk-tag--grey">Locked</strong> : null}
          </p>
          {!thread.listed ? (
            <InsetText>
              <p>This discussion is not in the workspace's list: its first post was hidden or deleted.</p>
            </InsetText>
          ) : null}
          {isLead ? (
            <div className="spn-post__actions">
              <IntentButton intent={thread.pinned ? "unpin" : "pin"} secondary>
                {thread.pinned ? "Unpin" : "Pin to the top"}
              </IntentButton>
              <IntentButton intent={thread.locked ? "unlock" : "lock"} secondary>
                {thread.locked ? "Unlock" : "Lock against replies"}
              </IntentButton>
            </div>
          ) : null}
          {posts.pageCount > 1 ? (
            <p className="nhsuk-body-s">
              {posts.total} posts, page {posts.page} of {posts.pageCount}.
            </p>
          ) : null}
          <ol className="nhsuk-list">
            {posts.posts.map((post) => (
              <Post key={post.id} post={post} slug={heading.slug} isLead={isLead} />
            ))}
          </ol>
          <Pagination page={posts.page} pageCount={posts.pageCount} search={search} />
          {canReply ? (
            <>
              <h2>Reply</h2>
              {thread.locked ? <p>This discussion is locked. As a lead, you can still reply.</p> : null}
              <PostForm id="reply" actionData={actionData} withTitle={false} submitLabel="Post reply" bodyLabel="Your reply" once={once} />
            </>
          ) : thread.locked ? (
            <p>This discussion is locked: no one can reply.</p>
          ) : !canPost ? (
            <p>
              <Link to={`/workspaces/${heading.slug}`}>Join this workspace</Link> to reply.
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}

function Post({ post, slug, isLead }: { post: PostView; slug: string; isLead: boolean }) {
  const base = `/workspaces/${slug}/posts/${post.id}`;
  return (
    <li className="spn-post" id={`post-${post.id}`}>
      <PostByline authorName={post.authorName} createdAt={post.createdAt} editedAt={post.state === "deleted" ? null : post.editedAt} />
      {post.state === "deleted" ? <p className="nhsuk-body-s">This post was deleted by its author.</p> : null}
      {post.state === "hidden" ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {post.isOwn ? "A workspace lead hid your post. Other members cannot see it." : "This post was hidden by the workspace's leads."}
            {post.hiddenReason ? ` Reason: ${post.hiddenReason}` : ""}
          </p>
        </div>
      ) : null}
      {post.html !== null ? <PostBody html={post.html} /> : null}
      {post.guardConfirmed ? <p className="nhsuk-body-s">The author confirmed this is not information about a patient.</p> : null}
      <div className="spn-post__actions nhsuk-body-s">
        {post.canChange ? (
          <>
            <Link to={`${base}/edit`}>
              Change<span className="nhsuk-u-visually-hidden"> your post</span>
            </Link>
            <Link to={`${base}/delete`}>
              Delete<span className="nhsuk-u-visually-hidden"> your post</span>
            </Link>
          </>
        ) : null}
        {post.canReport ? (
          <Link to={`${base}/report`}>
            Report<span className="nhsuk-u-visually-hidden"> the post by {post.authorName}</span>
          </Link>
        ) : null}
        {isLead && post.state === "visible" ? (
          <Link to={`${base}/hide`}>
            Hide<span className="nhsuk-u-visually-hidden"> the post by {post.authorName}</span>
          </Link>
        ) : null}
        {isLead && post.state === "hidden" ? <Link to={`/workspaces/${slug}/moderation#hidden-posts`}>Restore from moderation</Link> : null}
        {post.hasHistory ? (
          <Link to={`${base}/history`}>
            Earlier versions<span className="nhsuk-u-visually-hidden"> of the post by {post.authorName}</span>
          </Link>
        ) : null}
      </div>
    </li>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
