import { format } from "date-fns";
import { now } from "~/clock.server";
import type { Database } from "~/db.server";
import { toUkTime } from "~/ui/dates";

/** Fictional demo bulletins: two sent in the last two months (the older one public) and a draft for next month. */

const DAY = 24 * 60 * 60_000;

function monthName(at: Date): string {
  return format(toUkTime(at), "MMMM yyyy");
}

function demoBulletins(today: Date) {
  const older = new Date(today.getTime() - 58 * DAY);
  const recent = new Date(today.getTime() - 28 * DAY);
  const next = new Date(today.getTime() + 5 * DAY);
  return [
    {
      sentAt: older,
      isPublic: 1 as const,
      subject: `Network bulletin: ${monthName(older)}`,
      preheader: "Winter wellbeing ideas, a new regional workspace and recording tips.",
      body: [
        "Welcome to this month's bulletin. Here is what the network has been up to, and what is coming.",
        "## Winter wellbeing ideas",
        "Link workers in the North West shared how they keep walking groups going when the days are short: meet at lunchtime, pick routes with street lighting, and finish somewhere warm. Read more in [what people are connected to](/faq#what-people-are-connected-to).",
        "## Recording what you do",
        "A reminder that the [guidance on recording activity](/guidance/recording-activity) lists the codes to use for a referral and for declined support.",
        "## Next webinar",
        "The next fortnightly webinar is about supporting carers. [Register on the portal](/webinars).",
      ].join("\n\n"),
    },
    {
      sentAt: recent,
      isPublic: 0 as const,
      subject: `Network bulletin: ${monthName(recent)}`,
      preheader: "Measuring wellbeing, peer supervision and your questions answered.",
      body: [
        "Thank you to everyone who came to last month's webinars. This bulletin rounds up what we heard.",
        "## Measuring wellbeing",
        "Several teams asked how often to repeat a wellbeing measure. Our [guide to measuring wellbeing](/guidance/measuring-wellbeing) now answers that.",
        "## Peer supervision",
        "- Set a regular time and keep to it.",
        "- Agree what stays in the room.",
        "- Bring one situation each, not a whole caseload.",
        "## Your questions",
        "Send questions for the next bulletin to the network team, or post them in your [workspace](/workspaces).",
      ].join("\n\n"),
    },
    {
      sentAt: undefined,
      isPublic: 0 as const,
      subject: `Network bulletin: ${monthName(next)}`,
      preheader: "Draft: looking ahead to the new year.",
      body: ["## Looking ahead", "Draft: add the dates of the next three webinars and a word from the network lead."].join("\n\n"),
    },
  ];
}

export async function seedDemoBulletins(database: Database): Promise<string> {
  const today = now();
  const members = await database
    .selectFrom("users")
    .select(["id", "email"])
    .where("status", "=", "active")
    .where("bulletin_opt_in", "=", 1)
    .orderBy("id")
    .execute();
  let added = 0;
  for (const demo of demoBulletins(today)) {
    // By the preview text, which does not change with the month (the subject does): seeding again next month adds nothing.
    const exists = await database.selectFrom("bulletins").select("id").where("preheader", "=", demo.preheader).executeTakeFirst();
    if (exists) continue;
    await database.transaction().execute(async (trx) => {
      const at = (demo.sentAt ?? today).toISOString();
      const { id } = await trx
        .insertInto("bulletins")
        .values({
          subject: demo.subject,
          preheader: demo.preheader,
          body_markdown: demo.body,
          status: demo.sentAt ? "sent" : "draft",
          send_started_at: demo.sentAt ? at : null,
          queued_at: demo.sentAt ? at : null,
          recipient_count: demo.sentAt ? members.length : null,
          is_public: demo.isPublic,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (demo.sentAt && members.length) {
        // Delivered long ago: the outbox copies are gone, so each row keeps its outcome.
        await trx
          .insertInto("bulletin_recipients")
          .values(
            members.map((member) => ({
              bulletin_id: id,
              user_id: member.id,
              to_address: member.email,
              status: "sent" as const,
              queued_at: at,
            })),
          )
          .execute();
      }
    });
    added += 1;
  }
  return added ? `${added} bulletins` : "";
}
