import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { nowIso } from "~/clock.server";
import type { Database } from "~/db.server";
import { checkCaptions, captionsPlainText } from "./captions.server";
import { recordingFileRow, type RecordingFormat } from "./file-types.server";
import { generatedCaptions } from "./demo-files.server";
import { onePagePdf } from "~/files/generated-pdf.server";
import { indexRecording } from "./search.server";
import { fileStorage } from "~/files/storage.server";
import { themeLabel, type Theme } from "./themes";

/**
 * Thirteen fictional recordings across themes and three years: most published with captions, some
 * with slides, one still waiting for its captions. Three are of the demo's past webinars (two published
 * with captions and slides, so their webinar pages offer "Watch the recording"; one waiting for
 * captions, so its page says recordings usually follow within a few days); the rest were held before
 * the portal, so have no webinar to link to. Captions and slides are generated here; the videos are a
 * few KB of plain colour (fixtures/demo, made with ffmpeg's colour source at one frame every ten seconds).
 */

const VIDEOS = {
  "45": { file: "demo-45min.mp4", format: "mp4", seconds: 2700 },
  "52": { file: "demo-52min.webm", format: "webm", seconds: 3150 },
  "61": { file: "demo-61min.mp4", format: "mp4", seconds: 3660 },
} as const satisfies Record<string, { file: string; format: RecordingFormat; seconds: number }>;

interface DemoRecording {
  title: string;
  /** A past demo webinar (app/webinars/demo.server.ts) this is the recording of, found by title. */
  webinarTitle?: string;
  description: string;
  speakers: string[];
  themes: Theme[];
  recordedAt: string;
  video: keyof typeof VIDEOS;
  captions: boolean;
  slides?: { summary: string; lines: string[] };
  lines: string[];
}

export const WAITING_FOR_CAPTIONS_TITLE = "Supporting carers: what link workers can offer";

const DEMO_RECORDINGS: DemoRecording[] = [
  {
    title: "Green social prescribing through the winter",
    description: "How three link worker teams kept nature-based activities going from November to February, and what people said kept them coming.",
    speakers: ["Sam Carter", "Ruth Ellison"],
    themes: ["green-social-prescribing", "mental-health"],
    recordedAt: "2026-11-11T13:00:00.000Z",
    video: "45",
    captions: true,
    slides: { summary: "One slide: winter attendance figures for three walking and gardening groups, the kit each group lent out, and quotes from participants.", lines: ["Attendance held at 80% of summer levels", "Lending waterproofs mattered most", "Indoor seed-sowing kept gardening groups going"] },
    lines: ["Welcome everyone to this session on green social prescribing in the colder months.", "Our walking group lent out waterproof coats and boots, and that made the biggest difference.", "People told us the allotment was the one place they felt useful in January.", "We moved seed sowing indoors to a community centre for six weeks.", "Attendance stayed at about four in five of the summer numbers.", "Think about transport: dark evenings put people off travelling alone."],
  },
  {
    title: "Loneliness in rural communities",
    description: "Link workers from two rural primary care networks share how they find and support people who are isolated far from services.",
    speakers: ["Siân Hughes", "Gareth Pryce"],
    themes: ["loneliness", "mental-health"],
    recordedAt: "2026-10-28T13:00:00.000Z",
    video: "52",
    captions: true,
    lines: ["Rural loneliness often hides behind people who say they are fine.", "We work with the mobile library and the post office to reach people.", "A befriending phone call can be the first step before any group.", "Community transport schemes are worth mapping before anything else.", "Farmers and their families are a group we had to learn to reach differently."],
  },
  {
    title: "Debt advice and the cost of living",
    description: "A money adviser and a link worker talk through referral routes for debt, benefits checks and energy support.",
    speakers: ["Daniel Reid", "Mariam Qureshi"],
    themes: ["money-and-housing"],
    recordedAt: "2026-09-16T12:00:00.000Z",
    video: "61",
    captions: true,
    slides: { summary: "One slide: the referral route to free debt advice, a checklist for a benefits check, and where to find local energy grants.", lines: ["Refer early: debt rarely shrinks on its own", "A benefits check takes about 40 minutes", "Local energy grants change every autumn"] },
    lines: ["Money worries are behind many of the referrals we get.", "A benefits check is often the quickest win for a household.", "Make sure people know debt advice is free and confidential.", "Energy support schemes change each autumn, so check the local list.", "Housing problems and debt usually arrive together."],
  },
  {
    title: "Working with children and young people",
    description: "What changes when a link worker supports people under 25, including consent, safeguarding and working with schools.",
    speakers: ["Grace Mensah"],
    themes: ["children-young-people", "mental-health"],
    recordedAt: "2026-06-10T12:00:00.000Z",
    video: "45",
    captions: true,
    lines: ["Young people often come to us through their school or college.", "Talk about consent and confidentiality at the very first meeting.", "Safeguarding duties are the same, but the routes can differ.", "Activities need to feel like theirs, not like an appointment.", "Parents and carers can help, but the young person leads."],
  },
  {
    title: "Arts on prescription: starting a group",
    description: "Setting up an arts group with a local gallery: funding, finding a facilitator, and measuring wellbeing.",
    speakers: ["Joy Adeyemi", "Tom Okafor"],
    themes: ["arts-and-culture", "evidence-and-data"],
    recordedAt: "2026-03-04T13:00:00.000Z",
    video: "52",
    captions: true,
    slides: { summary: "One slide: a budget for a twelve-week arts group, how we chose a facilitator, and wellbeing scores before and after.", lines: ["Twelve weeks, twelve places", "Wellbeing scores rose for most participants", "The gallery gave the room for free"] },
    lines: ["The gallery offered us a room on Tuesday mornings at no cost.", "We asked people what they wanted to make before we planned anything.", "A facilitator who has lived experience made people feel welcome.", "We used the ONS4 wellbeing questions at the start and at the end.", "Most people stayed in touch with each other after the twelve weeks."],
  },
  {
    title: "Walking for health with long-term conditions",
    description: "Adapting walking groups for people with COPD, arthritis and heart conditions, with a physiotherapist's advice.",
    speakers: ["Dr Aisha Rahman", "Lewis Grant"],
    themes: ["physical-activity", "long-term-conditions"],
    recordedAt: "2025-11-19T13:00:00.000Z",
    video: "61",
    captions: true,
    lines: ["Start with short, flat routes and plenty of benches.", "People with COPD often worry about breathlessness more than the walk itself.", "A physiotherapist can help you set a safe pace for the group.", "Arthritis pain can vary day to day, so welcome people back without questions.", "Keep a note of who needs an inhaler or medication on the walk."],
  },
  {
    title: "Caseload supervision that works",
    webinarTitle: "Caseload supervision that works",
    description: "Why regular supervision matters, what good supervision looks like across a primary care network, and how to ask for it.",
    speakers: ["Helen Doyle"],
    themes: ["link-worker-wellbeing"],
    recordedAt: "2025-09-24T12:00:00.000Z",
    video: "45",
    captions: true,
    slides: { summary: "One slide: three models of supervision (one-to-one, group, peer), how often each should happen, and what to bring to a session.", lines: ["One-to-one, group or peer supervision", "Monthly, protected and in the diary", "Bring a case, a worry and a success"] },
    lines: ["Link workers hear difficult stories every day.", "Supervision is a protected time to think, not a performance review.", "Ask for supervision monthly, and put it in your diary.", "Peer support groups can sit alongside clinical supervision.", "Notice the signs of burnout early in yourself and in colleagues."],
  },
  {
    title: "Measuring what matters",
    webinarTitle: "Measuring what matters",
    description: "Using wellbeing measures well: when to ask, how to record the answers and how to show the difference your service makes.",
    speakers: ["Dr Kwame Asante"],
    themes: ["evidence-and-data", "mental-health"],
    recordedAt: "2025-10-08T12:00:00.000Z",
    video: "52",
    captions: true,
    slides: { summary: "One slide: when to ask the wellbeing questions, where to record the answers, and a chart of scores before and after support.", lines: ["Ask at the first and the last meeting", "Record the scores where the team can count them", "Show the change alongside people's own words"] },
    lines: ["A wellbeing score means most when you ask the same questions each time.", "Ask at the first meeting and again when support ends.", "Record the answers where your team can count them later.", "Numbers show that things changed; people's words show why.", "Share what you find with the practices that refer to you."],
  },
  {
    title: "Recording social prescribing with SNOMED codes",
    description: "Which codes to use for referrals, declines and outcomes, and why consistent recording helps the whole network.",
    speakers: ["Daniel Reid"],
    themes: ["evidence-and-data"],
    recordedAt: "2025-06-11T12:00:00.000Z",
    video: "52",
    captions: true,
    slides: { summary: "One slide: the codes for referral, for declining a referral and for outcomes, with an example record.", lines: ["Code the referral, the decline and the outcome", "Consistent codes let us show our impact", "Ask your practice manager for the template"] },
    lines: ["Consistent codes let practices count what social prescribing does.", "Code the referral when it is made, not when the person is seen.", "If someone declines, record that too: it matters for planning.", "Outcome codes are the ones most often missed.", "Your practice manager can add a template to save time."],
  },
  {
    title: "Housing problems and where to refer",
    description: "A housing officer explains homelessness duties, repairs, and how link workers can help people be heard.",
    speakers: ["Mariam Qureshi"],
    themes: ["money-and-housing"],
    recordedAt: "2025-02-26T13:00:00.000Z",
    video: "45",
    captions: true,
    lines: ["The council has a duty to help people threatened with homelessness.", "Damp and mould complaints should be made in writing.", "Keep copies of every letter and email about repairs.", "Link workers can help people write to their landlord.", "Refer early: housing problems are easier to solve before a notice is served."],
  },
  {
    title: "Mental health and social prescribing: working with talking therapies",
    description: "How link workers and NHS Talking Therapies services can refer to each other and share the support.",
    speakers: ["Dr Aisha Rahman", "Priya Shah"],
    themes: ["mental-health"],
    recordedAt: "2024-11-13T13:00:00.000Z",
    video: "61",
    captions: true,
    lines: ["Social prescribing and talking therapies work well side by side.", "People can refer themselves to NHS Talking Therapies.", "Agree with your local service how you will share information.", "Some people need practical support before therapy can help.", "Know your local crisis routes before you need them."],
  },
  {
    title: "Evaluating your service: a beginner's guide",
    description: "Simple ways to show what your social prescribing service achieves, from wellbeing scores to people's own words.",
    speakers: ["Tom Okafor"],
    themes: ["evidence-and-data"],
    recordedAt: "2024-06-05T12:00:00.000Z",
    video: "52",
    captions: true,
    lines: ["Start with the questions your commissioners will ask.", "Wellbeing scores show change, but stories show why.", "Collect a few numbers well rather than many badly.", "Ask people's permission before you use their words.", "Share your findings with the people who took part."],
  },
  {
    title: WAITING_FOR_CAPTIONS_TITLE,
    webinarTitle: "Supporting carers",
    description: "Identifying unpaid carers, carers' assessments, and local support that gives carers a break.",
    speakers: ["Marta Silva"],
    themes: ["mental-health", "long-term-conditions"],
    recordedAt: "2026-11-18T13:00:00.000Z",
    video: "45",
    captions: false,
    lines: ["Many carers do not see themselves as carers.", "Everyone who cares for someone has a right to a carer's assessment.", "Respite can be a few hours a week, and it matters.", "Carers' centres know what is available locally.", "Ask about the carer's own health, not only the person they care for."],
  },
];

async function store(data: Buffer): Promise<{ key: string; size: number }> {
  return fileStorage().put(Readable.from([data]));
}

async function addFile(trx: Kysely<DB>, recordingId: number, kind: "video" | "captions" | "slides", format: RecordingFormat, data: Buffer) {
  const { key, size } = await store(data);
  await trx.insertInto("recording_files").values(recordingFileRow(recordingId, kind, { key, size, format })).execute();
}

export async function seedDemoRecordings(database: Database): Promise<string> {
  let added = 0;
  for (const demo of DEMO_RECORDINGS) {
    const existing = await database.selectFrom("recordings").select("id").where("title", "=", demo.title).executeTakeFirst();
    if (existing) continue;
    const video = VIDEOS[demo.video];
    const videoBytes = await readFile(join(process.cwd(), "fixtures", "demo", video.file));
    const captionsText = generatedCaptions({ durationSeconds: video.seconds, speakers: demo.speakers, lines: demo.lines });
    const check = checkCaptions(Buffer.from(captionsText));
    if (!check.ok) throw new Error(`demo captions for "${demo.title}" are invalid: ${check.problems.join("; ")}`);
    // Read-only look-up in the webinars feature's table (features never import each other).
    const webinar = demo.webinarTitle
      ? await database
          .selectFrom("webinars")
          .select(["id", "starts_at"])
          .where("title", "=", demo.webinarTitle)
          .where("ends_at", "<=", nowIso())
          .orderBy("starts_at", "desc")
          .executeTakeFirst()
      : undefined;
    await database.transaction().execute(async (trx) => {
      const at = webinar?.starts_at ?? demo.recordedAt;
      const published = demo.captions;
      // Published a few days after the webinar, as staff would (never in the future).
      const publishedAt = new Date(Math.min(Date.parse(at) + 3 * 24 * 60 * 60_000, Date.parse(nowIso()))).toISOString();
      const row = await trx
        .insertInto("recordings")
        .values({
          webinar_id: webinar?.id ?? null,
          title: demo.title,
          description: demo.description,
          speakers: demo.speakers.join("; "),
          recorded_at: at,
          duration_seconds: video.seconds,
          external_url: null,
          captions_end_seconds: demo.captions ? check.end : null,
          slides_summary: demo.slides?.summary ?? null,
          status: published ? "published" : "draft",
          published_at: published ? publishedAt : null,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("recording_themes").values(demo.themes.map((theme) => ({ recording_id: row.id, theme }))).execute();
      await addFile(trx, row.id, "video", video.format, videoBytes);
      if (demo.captions) await addFile(trx, row.id, "captions", "vtt", Buffer.from(captionsText));
      if (demo.slides) await addFile(trx, row.id, "slides", "pdf", onePagePdf(demo.title, demo.slides.lines));
      await indexRecording(trx, {
        id: row.id,
        title: demo.title,
        speakers: demo.speakers.join("; "),
        themes: demo.themes.map(themeLabel).join(", "),
        description: demo.description,
        captions: demo.captions ? captionsPlainText(check.cues) : "",
      });
    });
    added += 1;
  }
  return added ? `${added} recordings` : "";
}
