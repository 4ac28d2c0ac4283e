import { open, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema";
import { config } from "~/config.server";
import { nowIso } from "~/clock.server";
import { recordingFileRow } from "~/recordings/file-types.server";
import { indexRecording } from "~/recordings/search.server";
import { newStorageKey } from "~/files/storage.server";
import { THEMES, themeLabel } from "~/recordings/themes";

/**
 * Data for the recordings benchmark (bench/recordings.ts), not the demo: many published recordings for
 * the library and search, and large videos for range streaming. Nothing here runs in the portal itself.
 */

/** The first bench recording's id: fixed, so page paths can be written before the seed runs. */
export const FIRST_BENCH_RECORDING_ID = 100_001;

const SUBJECTS = ["Loneliness", "Housing", "Debt", "Gardening", "Walking", "Carers", "Arts", "Supervision", "Evaluation", "Young people", "Diabetes", "Pain"];
const ANGLES = ["in rural areas", "after a hospital stay", "for older people", "in winter", "with the council", "across a PCN", "for new link workers", "in practice"];
const WORDS =
  "link worker referral community group wellbeing support practice people local service volunteer health social prescribing conversation goals follow up isolation benefit housing garden walk carer art music evaluation supervision".split(
    " ",
  );

/**
 * Adds `count` published recordings (titles, themes, dates over seven years, ~300 words of captions each
 * in the search index) in one transaction, with ids from FIRST_BENCH_RECORDING_ID.
 */
export async function seedBenchRecordings(database: Kysely<DB>, count = 5000): Promise<number> {
  const at = nowIso();
  await database.transaction().execute(async (trx) => {
    for (let n = 0; n < count; n++) {
      const title = `${SUBJECTS[n % SUBJECTS.length]} ${ANGLES[Math.floor(n / SUBJECTS.length) % ANGLES.length]} (${n + 1})`;
      const themes = [THEMES[n % THEMES.length]!.value, THEMES[(n * 7 + 3) % THEMES.length]!.value].filter((theme, i, all) => all.indexOf(theme) === i);
      const recordedAt = new Date(Date.UTC(2020 + (n % 7), n % 12, 1 + (n % 27), 13)).toISOString();
      const captions = Array.from({ length: 300 }, (_, i) => WORDS[(n * 31 + i * 7) % WORDS.length]).join(" ");
      const row = await trx
        .insertInto("recordings")
        .values({
          id: FIRST_BENCH_RECORDING_ID + n,
          webinar_id: null,
          title,
          description: `A session on ${title.toLowerCase()}: what worked, what did not, and questions from members.`,
          speakers: "Bench Speaker; Second Speaker",
          recorded_at: recordedAt,
          duration_seconds: 3600,
          external_url: null,
          captions_end_seconds: 3600,
          slides_summary: null,
          status: "published",
          published_at: at,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("recording_themes").values(themes.map((theme) => ({ recording_id: row.id, theme }))).execute();
      await indexRecording(trx, { id: row.id, title, speakers: "Bench Speaker; Second Speaker", themes: themes.map(themeLabel).join(", "), description: "", captions });
    }
  });
  return count;
}

/**
 * Gives a recording a video of `bytes` bytes on the local disk, created sparse (an MP4 header, then a
 * hole), so a 200 MB file costs no disk and no time to make. Returns the file's address in the portal and
 * its path on disk. Local-disk storage only, which is what the bench runs.
 */
export async function addSparseBenchVideo(database: Kysely<DB>, recordingId: number, bytes = 200 * 1024 ** 2): Promise<{ url: string; path: string }> {
  const key = newStorageKey();
  await mkdir(config().storagePath, { recursive: true });
  const handle = await open(join(config().storagePath, key), "wx");
  try {
    const header = Buffer.alloc(32);
    header.writeUInt32BE(32, 0);
    header.write("ftypisom", 4, "latin1");
    await handle.write(header, 0, header.length, 0);
    await handle.truncate(bytes);
  } finally {
    await handle.close();
  }
  const row = recordingFileRow(recordingId, "video", { key, size: bytes, format: "mp4" });
  await database.deleteFrom("recording_files").where("recording_id", "=", recordingId).where("kind", "=", "video").execute();
  await database.insertInto("recording_files").values(row).execute();
  return { url: `/recordings/${recordingId}/files/${row.id}`, path: join(config().storagePath, key) };
}
