import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Breadcrumbs, type Crumb } from "~/ui/breadcrumbs";
import { formatUkDateTime } from "~/ui/dates";
import { formGroupId } from "~/ui/forms";
import { GUARD_FLAG_LABELS, type GuardFlag } from "./patient-data-guard";
import { ContentsList } from "~/ui/contents-list";

/** Pieces shared by the workspace pages (browser-safe). */

export interface WorkspaceHeading {
  slug: string;
  name: string;
  visibility: "open" | "private";
  parent: { slug: string; name: string } | null;
}

export type WorkspaceTab = "discussions" | "resources" | "members" | "rules" | "moderation";

const TABS: Array<{ tab: WorkspaceTab; label: string; path: string; leadsOnly?: boolean }> = [
  { tab: "discussions", label: "Discussions", path: "" },
  { tab: "resources", label: "Resources", path: "/resources" },
  { tab: "members", label: "Members", path: "/members" },
  { tab: "rules", label: "Rules", path: "/rules" },
  { tab: "moderation", label: "Moderation", path: "/moderation", leadsOnly: true },
];

export function workspaceCrumbs(workspace: WorkspaceHeading, extra: Crumb[] = []): Crumb[] {
  return [
    { to: "/", label: "Home" },
    { to: "/workspaces", label: "Workspaces" },
    ...(workspace.parent ? [{ to: `/workspaces/${workspace.parent.slug}`, label: workspace.parent.name }] : []),
    ...extra,
  ];
}

/** The workspace's name as a caption above a page's heading, and the workspace's own menu. */
export function WorkspaceNav({ workspace, current, isLead }: { workspace: WorkspaceHeading; current: WorkspaceTab | null; isLead: boolean }) {
  const tabs = TABS.filter((tab) => !tab.leadsOnly || isLead).map((tab) => ({ ...tab, to: `/workspaces/${workspace.slug}${tab.path}` }));
  return <ContentsList label={`${workspace.name} workspace`} links={tabs} current={tabs.find((tab) => tab.tab === current)?.to ?? null} />;
}

/** The top of a workspace page below its breadcrumbs: caption, heading and menu. */
export function WorkspacePageHeader({
  workspace,
  heading,
  current,
  isLead,
  crumbs,
  thread,
}: {
  workspace: WorkspaceHeading;
  heading: string;
  current: WorkspaceTab | null;
  isLead: boolean;
  /** Breadcrumbs after Workspaces (and a parent workspace); unless given, this workspace, then `thread`. */
  crumbs?: Crumb[];
  /** For a page about one post: its thread, the last breadcrumb. */
  thread?: { title: string; path: string };
}) {
  const own = [{ to: `/workspaces/${workspace.slug}`, label: workspace.name }, ...(thread ? [{ to: thread.path, label: thread.title }] : [])];
  return (
    <>
      <Breadcrumbs items={workspaceCrumbs(workspace, crumbs ?? own)} />
      <span className="nhsuk-caption-l">
        {workspace.name}
        {workspace.visibility === "private" ? " (private)" : ""}
      </span>
      <h1>{heading}</h1>
      <WorkspaceNav workspace={workspace} current={current} isLead={isLead} />
    </>
  );
}

/** Who wrote a post and when. */
export function PostByline({ authorName, createdAt, editedAt }: { authorName: string; createdAt: string; editedAt: string | null }) {
  return (
    <p className="nhsuk-body-s spn-post__byline">
      <strong>{authorName}</strong>, {formatUkDateTime(createdAt)}
      {editedAt ? ` (edited ${formatUkDateTime(editedAt)})` : ""}
    </p>
  );
}

/** Sanitised post HTML (app/workspaces/markdown.server.ts renders and cleans it before it gets here). */
export function PostBody({ html }: { html: string }) {
  return <div className="spn-post__body spn-prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** What the patient-data guard says when it holds a post. */
export function guardMessage(flags: GuardFlag[]): string {
  const found = flags.map((flag) => GUARD_FLAG_LABELS[flag]).join(" and ");
  return `Your post contains ${found}. Remove it, or confirm it is not information about a patient`;
}

/** Shown above the form when the guard held a post: what it found, and the two ways on. */
export function GuardWarning({ flags, confirmId }: { flags: GuardFlag[]; confirmId: string }) {
  if (flags.length === 0) return null;
  return (
    <div className="nhsuk-warning-callout">
      <h2 className="nhsuk-warning-callout__label">
        <span className="nhsuk-u-visually-hidden">Important: </span>
        We have not published your post yet
      </h2>
      <p>
        It contains {flags.map((flag) => GUARD_FLAG_LABELS[flag]).join(" and ")}. Workspaces are not for information about
        patients: no NHS numbers, and no dates of birth with names.
      </p>
      <p>
        Edit it out below, or if it is not about a patient (for example, a made-up example or an event date), tick{" "}
        <a href={`#${confirmId}`}>the box to confirm</a> and post it again. We keep a record that you confirmed it.
      </p>
    </div>
  );
}

/** The "this is not patient data" box, shown only once the guard has held the post. */
export function GuardConfirm({ id, errors }: { id: string; errors?: string[] }) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={`nhsuk-form-group${errorId ? " nhsuk-form-group--error" : ""}`} id={formGroupId(id)}>
      {errorId ? (
        <span className="nhsuk-error-message" id={errorId}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {errors?.join(". ")}
        </span>
      ) : null}
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id={id} name="confirmNotPatientData" type="checkbox" value="on" aria-describedby={errorId} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            I confirm this is not information about a patient
          </label>
        </div>
      </div>
    </div>
  );
}

export function MarkdownHint() {
  return (
    <>
      You can use Markdown: **bold**, *italic*, - for a list, and [words](https://example.org) for a link. Do not include
      anything that could identify a patient.
    </>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}

/** A small form with one button that posts an intent to the page's action (works without JavaScript). */
export function IntentButton({
  intent,
  children,
  fields,
  secondary,
  warning,
  action,
}: {
  intent: string;
  children: ReactNode;
  fields?: Record<string, string | number>;
  secondary?: boolean;
  warning?: boolean;
  action?: string;
}) {
  const variant = warning ? " nhsuk-button--warning" : secondary ? " nhsuk-button--secondary" : "";
  return (
    <Form method="post" action={action} className="spn-inline-form">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <button className={`nhsuk-button${variant} nhsuk-button--small`} data-module="nhsuk-button" type="submit">
        {children}
      </button>
    </Form>
  );
}
