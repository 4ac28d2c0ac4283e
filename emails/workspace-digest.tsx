import { Link, Section, Text } from "@react-email/components";
import { defineEmail } from "./define";
import { EmailHeading, emailStyles } from "./layout";

export interface WorkspaceDigestProps {
  fullName: string;
  /** The UK date the digest covers, in words, e.g. "4 December 2026". */
  day: string;
  workspaces: Array<{
    name: string;
    slug: string;
    /** Opens the page with the button that stops this workspace's digest (nothing changes on opening it). */
    unsubscribeUrl: string;
    threads: Array<{ id: number; title: string; authorName: string }>;
  }>;
}

/** The daily email of new threads in the workspaces a member chose, one a day at most. */
export const workspaceDigestEmail = defineEmail<WorkspaceDigestProps>({
  name: "workspace-digest",
  // Its "stop" links carry the member's unsubscribe token.
  sensitive: true,
  subject: ({ workspaces }) => {
    const count = workspaces.reduce((sum, workspace) => sum + workspace.threads.length, 0);
    return `${count} new ${count === 1 ? "discussion" : "discussions"} in your workspaces`;
  },
  preview: ({ workspaces }) => `New in ${workspaces.map((workspace) => workspace.name).join(", ")}`,
  Body: ({ fullName, day, workspaces, context }) => (
    <>
      <EmailHeading>New discussions in your workspaces</EmailHeading>
      <Text style={emailStyles.paragraph}>
        Dear {fullName}, these discussions started in your workspaces up to {day}.
      </Text>
      {workspaces.map((workspace) => (
        <Section key={workspace.slug}>
          <Text style={{ ...emailStyles.paragraph, fontWeight: "bold", fontSize: "19px" }}>{workspace.name}</Text>
          {workspace.threads.map((thread) => (
            <Text key={thread.id} style={emailStyles.paragraph}>
              <Link href={`${context.appUrl}/workspaces/${workspace.slug}/threads/${thread.id}`}>{thread.title}</Link>
              {` by ${thread.authorName}`}
            </Text>
          ))}
          <Text style={{ ...emailStyles.paragraph, fontSize: "14px" }}>
            <Link href={workspace.unsubscribeUrl}>Stop these emails for {workspace.name}</Link>
          </Text>
        </Section>
      ))}
      <Text style={emailStyles.paragraph}>
        You chose to get this email. Stopping it takes one button on the page each link opens; you do not need to sign in.
      </Text>
    </>
  ),
});
