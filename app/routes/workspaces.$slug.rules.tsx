import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/ui/route-error";
import { requireWorkspace } from "~/workspaces/access.server";
import { PostBody, WorkspacePageHeader } from "~/workspaces/components";
import { headingFor } from "~/workspaces/directory.server";
import { renderMarkdown } from "~/workspaces/markdown.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Rules – ${data?.heading.name ?? "Workspace"} – Social Prescribing Network` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireWorkspace(request, params.slug, "read");
  return {
    heading: await headingFor(viewer.workspace),
    isLead: viewer.isLead,
    ownRules: viewer.workspace.rules ? renderMarkdown(viewer.workspace.rules) : null,
  };
}

export default function Rules() {
  const { heading, isLead, ownRules } = useLoaderData<typeof loader>();
  return (
    <>
      <WorkspacePageHeader workspace={heading} heading="Rules" current="rules" isLead={isLead} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p>These rules apply in every workspace. The workspace's leads can hide posts that break them and remove members who keep doing so.</p>
          <ol>
            <li>
              <strong>No advertising or selling.</strong> Do not promote or sell services, products, training or events you
              charge for, your own or anyone else's. Sharing free local support that helps link workers is welcome.
            </li>
            <li>
              <strong>No patient information.</strong> Never post anything that could identify a patient: names with dates of
              birth, NHS numbers, addresses, or details of someone's circumstances. Talk about situations in general terms.
            </li>
            <li>
              <strong>Be respectful.</strong> Disagree with ideas, not people. No harassment, discrimination or personal attacks.
            </li>
            <li>
              <strong>Keep private spaces private.</strong> Do not share what is said in a private workspace outside it without
              the author's agreement.
            </li>
            <li>
              <strong>Report, do not argue.</strong> If a post breaks these rules, use its Report link. The leads will look at it.
            </li>
          </ol>
          {ownRules ? (
            <>
              <h2>This workspace's own rules</h2>
              <PostBody html={ownRules} />
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
