import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { getCurrentUser } from "~/auth/access.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { RouteErrorBoundary } from "~/ui/route-error";
import { listWorkspacesFor, type WorkspaceCard } from "~/workspaces/directory.server";

export const meta: MetaFunction = () => [{ title: "Workspaces – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Visitors see what workspaces are and how to get in; the list itself is for members.
  const current = await getCurrentUser(request);
  if (!current) return { signedIn: false as const };
  return { signedIn: true as const, ...(await listWorkspacesFor(current)) };
}

const STATUS_TAGS: Record<WorkspaceCard["status"], { label: string; colour: string } | null> = {
  member: { label: "Member", colour: "green" },
  requested: { label: "Requested", colour: "yellow" },
  removed: { label: "Removed", colour: "red" },
  none: { label: "Not joined", colour: "grey" },
};

function Status({ card }: { card: WorkspaceCard }) {
  const tag = card.isLead ? { label: "Lead", colour: "blue" } : STATUS_TAGS[card.status];
  if (!tag) return null;
  return <strong className={`nhsuk-tag nhsuk-tag--${tag.colour}`}>{tag.label}</strong>;
}

function Facts({ card }: { card: WorkspaceCard }) {
  const parts = [card.visibility === "private" ? "Private: its leads approve requests to join" : "Open to every member"];
  if (card.memberCount !== null) parts.push(`${card.memberCount} ${card.memberCount === 1 ? "member" : "members"}`);
  return <p className="nhsuk-body-s">{parts.join(". ")}.</p>;
}

function Workspaces({ cards, headingLevel }: { cards: WorkspaceCard[]; headingLevel: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ul className="nhsuk-list">
      {cards.map((card) => (
        <li key={card.slug} className="spn-post">
          <Heading className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
            <Link to={`/workspaces/${card.slug}`}>{card.name}</Link>
          </Heading>
          <p className="nhsuk-u-margin-bottom-2">
            <Status card={card} />
          </p>
          <p className="nhsuk-u-margin-bottom-2">{card.description}</p>
          <Facts card={card} />
          {card.subAreas.length > 0 ? (
            <div className="nhsuk-u-margin-left-5">
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Areas within {card.name}:</p>
              <Workspaces cards={card.subAreas} headingLevel={4} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export default function WorkspacesIndex() {
  const data = useLoaderData<typeof loader>();
  if (!data.signedIn) return <ForVisitors />;
  const { regional, themed } = data;
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Workspaces</h1>
          <p className="nhsuk-lede-text">
            Regional and themed spaces where members share what works locally: discussions, resources and support.
          </p>
          <p>
            Open workspaces can be read by any member; join one to post. Private workspaces show their name here, and their
            leads decide who joins. Workspaces are not for advertising or selling services, or for information about patients.
          </p>
          <h2>Regional workspaces</h2>
          <Workspaces cards={regional} headingLevel={3} />
          <h2>Themed workspaces</h2>
          <Workspaces cards={themed} headingLevel={3} />
        </div>
      </div>
    </>
  );
}

function ForVisitors() {
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Workspaces</h1>
          <p className="nhsuk-lede-text">
            Regional and themed spaces where members share what works locally: discussions, resources and support.
          </p>
          <p>
            Workspaces are for members of the network. <Link to="/sign-in?redirectTo=%2Fworkspaces">Sign in</Link> to see
            them, or <Link to="/join">join the network</Link> with your work email address.
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
