import { Readable } from "node:stream";
import type { NewUser } from "#db/schema";
import { grantRole } from "~/auth/roles.server";
import { now } from "~/clock.server";
import type { Database } from "~/db.server";
import { onePagePdf } from "~/files/generated-pdf.server";
import { fileStorage } from "~/files/storage.server";

/**
 * Fictional workspace activity for the demo and the browser tests: a regional lead, members in
 * several workspaces, threads with replies, a request waiting in a private workspace, an open
 * report and a file among the London workspace's resources (a one-page PDF generated here). Members are looked up by their demo addresses (app/membership/demo-members.server.ts).
 */

export const DEMO_LEAD_EMAIL = "kiran.patel@nhs.net";

const DEMO_LEAD: NewUser = {
  email: DEMO_LEAD_EMAIL,
  full_name: "Kiran Patel",
  organisation: "North Central London ICB",
  job_role: "lead-or-manager",
  region: "london",
  icb_pcn: "North Central London ICB",
  workspace_interests_json: JSON.stringify(["london"]),
  bulletin_opt_in: 1,
  events_opt_in: 1,
  status: "active",
  status_reason: null,
  email_verified_at: null,
  created_at: "",
  updated_at: "",
};

/** Workspaces the lead leads (and is a member of). */
const LEAD_OF = ["london", "social-prescribing-champions"];

/** Who is a member where (by demo address). */
const MEMBERSHIPS: Record<string, string[]> = {
  london: ["tom.okafor@nhs.net", "daniel.reid@nhs.net", "demo.member@nhs.net"],
  "yorkshire-and-the-humber": ["grace.mensah@nhs.net"],
  "green-social-prescribing": ["demo.member@nhs.net", "sian.hughes@nhs.net"],
  "green-social-prescribing-test-and-learn-sites": ["sian.hughes@nhs.net"],
  "maternity-children-young-people": ["grace.mensah@nhs.net", "aisha.rahman@nhs.net"],
  "social-prescribing-champions": ["sian.hughes@nhs.net"],
};

/** A request waiting for the champions' leads. */
const PENDING_REQUEST = { workspace: "social-prescribing-champions", email: "daniel.reid@nhs.net", message: "I commission social prescribing across the Midlands and would like to support the champions." };

interface DemoThread {
  workspace: string;
  author: string;
  title: string;
  body: string;
  pinned?: boolean;
  replies: Array<{ author: string; body: string; report?: { by: string; reason: "advertising"; details: string } }>;
}

const THREADS: DemoThread[] = [
  {
    workspace: "london",
    author: DEMO_LEAD_EMAIL,
    title: "Welcome to the London workspace: start here",
    pinned: true,
    body: "Welcome! This is the place for link workers across London to share what works locally.\n\n- Introduce yourself below: your borough, your PCN and what you are working on.\n- Training dates go in **Resources**.\n- Please read the rules: no advertising or selling services.",
    replies: [
      { author: "tom.okafor@nhs.net", body: "Hello all, Tom from Riverside PCN. I mostly work with older people who are isolated after a hospital stay." },
      { author: "demo.member@nhs.net", body: "Hi, Sam here. I am in the North West but joined to learn from London's borough-wide directories." },
    ],
  },
  {
    workspace: "london",
    author: "tom.okafor@nhs.net",
    title: "Keeping a community directory up to date",
    body: "How do you keep your list of local groups current? Ours goes out of date within months.\n\nWe have tried a shared spreadsheet but nobody owns it.",
    replies: [
      { author: DEMO_LEAD_EMAIL, body: "Two of our PCNs split the directory by ward and each link worker checks their ward's entries every quarter. It helps to record *when* each entry was last checked." },
      {
        author: "daniel.reid@nhs.net",
        body: "Our wellbeing consultancy can build and maintain your directory for a monthly fee. Book a call this week for 20% off!",
        report: { by: "tom.okafor@nhs.net", reason: "advertising", details: "This is selling a paid service." },
      },
    ],
  },
  {
    workspace: "green-social-prescribing",
    author: "sian.hughes@nhs.net",
    title: "Walking groups in winter",
    body: "Our walking groups lose half their people between November and February. What has helped you keep people coming when the days are short?",
    replies: [{ author: "demo.member@nhs.net", body: "We move to shorter lunchtime walks and finish at a café. Attendance held up much better last year." }],
  },
  {
    workspace: "social-prescribing-champions",
    author: "sian.hughes@nhs.net",
    title: "Planning next quarter's champion sessions",
    body: "Let's agree the topics for the next three champion sessions. Suggestions so far: supervision for link workers, and measuring outcomes.",
    replies: [{ author: DEMO_LEAD_EMAIL, body: "Both good. Could we add a session on working with housing teams?" }],
  },
  {
    workspace: "yorkshire-and-the-humber",
    author: "grace.mensah@nhs.net",
    title: "Peer support meet-up in Leeds",
    body: "Is anyone interested in a monthly peer support meet-up for link workers in West Yorkshire? Reply here and I will find a room.",
    replies: [],
  },
];

/** A file on the London workspace's resources list, added by the lead. */
const RESOURCE_FILE = {
  workspace: "london",
  title: "Borough referral checklist",
  description: "What to check before referring someone to a community group in another borough.",
  fileName: "Borough referral checklist.pdf",
  lines: ["Does the group take referrals from outside the borough?", "Is there a cost, and who pays for travel?", "Agree how you will hear back about the person."],
};

export async function seedWorkspacesDemo(database: Database): Promise<string> {
  const at = now();
  const iso = (minutesAgo: number) => new Date(at.getTime() - minutesAgo * 60_000).toISOString();
  const atIso = at.toISOString();
  const parts: string[] = [];

  const added = await database
    .insertInto("users")
    .values({ ...DEMO_LEAD, email_verified_at: atIso, created_at: atIso, updated_at: atIso })
    .onConflict((oc) => oc.column("email").doNothing())
    .executeTakeFirst();
  if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0) parts.push("1 workspace lead");

  const people = await database.selectFrom("users").select(["id", "email"]).where("status", "=", "active").execute();
  const idOf = new Map(people.map((person) => [person.email, person.id]));
  const workspaces = await database.selectFrom("workspaces").select(["id", "slug"]).execute();
  const workspaceId = new Map(workspaces.map((workspace) => [workspace.slug, workspace.id]));
  const lead = idOf.get(DEMO_LEAD_EMAIL);
  if (lead === undefined) return parts.join(", ");

  const join = async (slug: string, userId: number | undefined) => {
    const id = workspaceId.get(slug);
    if (id === undefined || userId === undefined) return;
    await database
      .insertInto("workspace_memberships")
      .values({ workspace_id: id, user_id: userId, status: "member", joined_at: iso(60 * 24 * 30) })
      .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doNothing())
      .execute();
  };
  for (const slug of LEAD_OF) {
    if (!workspaceId.has(slug)) continue;
    await grantRole(lead, "workspace_lead", { scope: slug, executor: database });
    await join(slug, lead);
  }
  for (const [slug, emails] of Object.entries(MEMBERSHIPS)) for (const email of emails) await join(slug, idOf.get(email));

  const requester = idOf.get(PENDING_REQUEST.email);
  const requested = workspaceId.get(PENDING_REQUEST.workspace);
  if (requester !== undefined && requested !== undefined) {
    const request = await database
      .insertInto("workspace_memberships")
      .values({ workspace_id: requested, user_id: requester, status: "requested", request_message: PENDING_REQUEST.message, requested_at: iso(60 * 5) })
      .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doNothing())
      .executeTakeFirst();
    if (Number(request.numInsertedOrUpdatedRows ?? 0) > 0) parts.push("1 request to join a private workspace");
  }

  // Threads once: the welcome thread by the lead marks the discussions as seeded.
  const seeded = await database.selectFrom("workspace_threads").select("id").where("author_id", "=", lead).limit(1).execute();
  if (seeded.length === 0) {
    let minutesAgo = THREADS.length * 600;
    let [threads, replies, reports] = [0, 0, 0];
    for (const thread of THREADS) {
      const author = idOf.get(thread.author);
      const workspace = workspaceId.get(thread.workspace);
      if (author === undefined || workspace === undefined) continue;
      const started = iso(minutesAgo);
      const visibleReplies = thread.replies.filter((r) => idOf.has(r.author));
      const lastAt = iso(minutesAgo - visibleReplies.length * 30);
      const row = await database
        .insertInto("workspace_threads")
        .values({ workspace_id: workspace, author_id: author, title: thread.title, pinned: thread.pinned ? 1 : 0, locked: 0, reply_count: visibleReplies.length, created_at: started, last_post_at: lastAt })
        .returning("id")
        .executeTakeFirstOrThrow();
      threads += 1;
      await database.insertInto("workspace_posts").values({ thread_id: row.id, workspace_id: workspace, author_id: author, is_opening: 1, body: thread.body, created_at: started }).execute();
      for (const [index, replyToThread] of visibleReplies.entries()) {
        const postedAt = iso(minutesAgo - (index + 1) * 30);
        const post = await database
          .insertInto("workspace_posts")
          .values({ thread_id: row.id, workspace_id: workspace, author_id: idOf.get(replyToThread.author)!, is_opening: 0, body: replyToThread.body, created_at: postedAt })
          .returning("id")
          .executeTakeFirstOrThrow();
        replies += 1;
        const reporter = replyToThread.report ? idOf.get(replyToThread.report.by) : undefined;
        if (replyToThread.report && reporter !== undefined) {
          await database
            .insertInto("workspace_reports")
            .values({ post_id: post.id, workspace_id: workspace, reporter_id: reporter, reason: replyToThread.report.reason, details: replyToThread.report.details, status: "open", created_at: iso(minutesAgo - 200) })
            .execute();
          reports += 1;
        }
      }
      minutesAgo -= 600;
    }
    if (threads > 0) parts.push(`${threads} workspace threads with ${replies} replies and ${reports} open ${reports === 1 ? "report" : "reports"}`);
  }
  const fileWorkspace = workspaceId.get(RESOURCE_FILE.workspace);
  const fileListed = await database.selectFrom("workspace_resource_files").select("id").where("added_by", "=", lead).limit(1).execute();
  if (fileWorkspace !== undefined && fileListed.length === 0) {
    const { key, size } = await fileStorage().put(Readable.from([onePagePdf(RESOURCE_FILE.title, RESOURCE_FILE.lines)]));
    await database
      .insertInto("workspace_resource_files")
      .values({
        workspace_id: fileWorkspace,
        title: RESOURCE_FILE.title,
        description: RESOURCE_FILE.description,
        file_name: RESOURCE_FILE.fileName,
        format: "pdf",
        byte_size: size,
        storage_key: key,
        added_by: lead,
        created_at: iso(60 * 24 * 3),
      })
      .execute();
    parts.push("1 workspace resource file");
  }
  return parts.join(", ");
}
