import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { DB, Recording, RecordingFile } from "#db/schema";
import { db } from "~/db.server";
import { pageParam } from "~/lib/params";
import { paginate } from "~/lib/paging.server";
import type { LibraryListItem } from "./library-list";
import { recordingHits, searchTerms } from "./search.server";
import { isTheme, type Theme } from "./themes";
import { findWebinar, type WebinarSummary } from "./webinar-tables.server";

/** The members' library: listing, searching and reading published recordings. */

export const PAGE_SIZE = 10;

export interface LibraryQuery {
  /** What the member typed; searched over title, speakers, themes, description and captions. */
  text: string;
  theme?: Theme;
  year?: number;
  page: number;
}

/** Reads the library's query from the URL (?q=&theme=&year=&page=); anything unknown is ignored. */
export function libraryQueryFrom(params: URLSearchParams): LibraryQuery {
  const theme = params.get("theme");
  const year = Number(params.get("year"));
  return {
    text: (params.get("q") ?? "").trim().slice(0, 200),
    theme: isTheme(theme) ? theme : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    page: pageParam(params),
  };
}

/** The kinds of file each of a page of recordings has, in one query. */
export async function fileKindsFor(executor: Kysely<DB>, ids: number[]): Promise<Map<number, Set<string>>> {
  const files = new Map<number, Set<string>>();
  if (ids.length === 0) return files;
  const rows = await executor.selectFrom("recording_files").select(["recording_id", "kind"]).where("recording_id", "in", ids).execute();
  for (const row of rows) files.set(row.recording_id, (files.get(row.recording_id) ?? new Set()).add(row.kind));
  return files;
}

/** The kinds of file each recording has, and its themes, for a page of rows in two queries. */
async function extrasFor(executor: Kysely<DB>, ids: number[]) {
  if (ids.length === 0) return { files: new Map<number, Set<string>>(), themes: new Map<number, string[]>() };
  const [files, themeRows] = await Promise.all([
    fileKindsFor(executor, ids),
    executor.selectFrom("recording_themes").select(["recording_id", "theme"]).where("recording_id", "in", ids).orderBy("theme").execute(),
  ]);
  const themes = new Map<number, string[]>();
  for (const row of themeRows) themes.set(row.recording_id, [...(themes.get(row.recording_id) ?? []), row.theme]);
  return { files, themes };
}

/** The library's conditions: published, and the chosen theme and year. */
function libraryFilters(query: LibraryQuery, unsearchable: boolean) {
  return (eb: ExpressionBuilder<DB, "recordings">) => {
    const conditions: Expression<SqlBool>[] = [eb("recordings.status", "=", "published")];
    // Words that are all punctuation search for nothing rather than listing everything.
    if (unsearchable) conditions.push(eb.lit(false));
    if (query.theme) {
      conditions.push(
        eb.exists(
          eb
            .selectFrom("recording_themes")
            .select("recording_themes.recording_id")
            .whereRef("recording_themes.recording_id", "=", "recordings.id")
            .where("recording_themes.theme", "=", query.theme),
        ),
      );
    }
    if (query.year) {
      // UK time is GMT at New Year, so a UK calendar year starts and ends on the UTC boundaries.
      conditions.push(eb("recordings.recorded_at", ">=", `${query.year}-01-01T00:00:00.000Z`));
      conditions.push(eb("recordings.recorded_at", "<", `${query.year + 1}-01-01T00:00:00.000Z`));
    }
    return eb.and(conditions);
  };
}

const LIST_COLUMNS = ["recordings.id", "recordings.title", "recordings.recorded_at", "recordings.duration_seconds", "recordings.speakers"] as const;

export async function listRecordings(query: LibraryQuery, executor: Kysely<DB> = db()) {
  const terms = searchTerms(query.text);
  const hits = recordingHits(terms);
  const filters = libraryFilters(query, query.text !== "" && terms.length === 0);
  const pageOptions = { page: query.page, pageSize: PAGE_SIZE };
  const page = hits
    ? // The matches drive the join (SQLite takes CROSS JOIN as "this order"): a search reads only
      // the recordings it found, instead of testing every recording against the index.
      await paginate(
        executor
          .selectFrom(hits)
          .crossJoin("recordings")
          .whereRef("recordings.id", "=", "hits.recording_id")
          .where((eb) => filters(eb as unknown as ExpressionBuilder<DB, "recordings">)),
        pageOptions,
        (q) => q.select(LIST_COLUMNS).orderBy("hits.tier", "desc").orderBy("recordings.recorded_at", "desc").orderBy("recordings.id", "desc"),
      )
    : await paginate(executor.selectFrom("recordings").where(filters), pageOptions, (q) =>
        q.select(LIST_COLUMNS).orderBy("recordings.recorded_at", "desc").orderBy("recordings.id", "desc"),
      );
  const { rows, ...paging } = page;
  const extras = await extrasFor(executor, rows.map((row) => row.id));
  const items: LibraryListItem[] = rows.map((row) => {
    const kinds = extras.files.get(row.id) ?? new Set();
    return {
      id: row.id,
      title: row.title,
      recordedAt: row.recorded_at,
      durationSeconds: row.duration_seconds,
      speakers: row.speakers,
      themes: extras.themes.get(row.id) ?? [],
      hasCaptions: kinds.has("captions"),
      hasSlides: kinds.has("slides"),
    };
  });
  // Only the items and the paging go on to the page, not the rows they were made from.
  return { ...paging, items, searched: query.text !== "" };
}

/**
 * The years with published recordings, newest first, for the year filter. Read by skipping from year to
 * year down the (status, recorded_at) index: one short lookup a year, not a pass over every recording.
 */
export async function libraryYears(executor: Kysely<DB> = db()): Promise<number[]> {
  const { rows } = await sql<{ year: string }>`
    with recursive years(year) as (
      select substr(max(recorded_at), 1, 4) from recordings where status = 'published'
      union all
      select (select substr(max(recorded_at), 1, 4) from recordings where status = 'published' and recorded_at < years.year || '-01-01')
      from years where years.year is not null
    )
    select year from years where year is not null`.execute(executor);
  return rows.map((row) => Number(row.year));
}

export interface RecordingDetails {
  recording: Recording;
  themes: string[];
  files: RecordingFile[];
  webinar: WebinarSummary | undefined;
}

/** A recording with its themes, files and webinar; undefined when there is none with that id. */
export async function recordingDetails(id: number, executor: Kysely<DB> = db()): Promise<RecordingDetails | undefined> {
  const recording = await executor.selectFrom("recordings").selectAll().where("id", "=", id).executeTakeFirst();
  if (!recording) return undefined;
  const [themes, files, webinar] = await Promise.all([
    executor.selectFrom("recording_themes").select("theme").where("recording_id", "=", id).orderBy("theme").execute(),
    executor.selectFrom("recording_files").selectAll().where("recording_id", "=", id).execute(),
    recording.webinar_id === null ? undefined : findWebinar(executor, recording.webinar_id),
  ]);
  return { recording, themes: themes.map((row) => row.theme), files, webinar };
}

/** Up to three other published recordings sharing the most themes with this one, newest first among equals. */
export async function relatedRecordings(id: number, themes: string[], executor: Kysely<DB> = db()) {
  if (themes.length === 0) return [];
  // Count shared themes from the theme index first, then read only those recordings.
  const shared = executor
    .selectFrom("recording_themes")
    .select(["recording_themes.recording_id"])
    .select((eb) => eb.fn.countAll<number>().as("shared"))
    .where("recording_themes.theme", "in", themes)
    .where("recording_themes.recording_id", "!=", id)
    .groupBy("recording_themes.recording_id")
    .as("shared");
  return executor
    .selectFrom(shared)
    .crossJoin("recordings")
    .whereRef("recordings.id", "=", "shared.recording_id")
    .select(["recordings.id", "recordings.title", "recordings.recorded_at", "shared.shared"])
    .where("recordings.status", "=", "published")
    .orderBy("shared.shared", "desc")
    .orderBy("recordings.recorded_at", "desc")
    .limit(3)
    .execute();
}

/** A file of a recording, with the recording's title and status; undefined for any id that does not match. */
export async function findRecordingFile(recordingId: number, fileId: string, executor: Kysely<DB> = db()) {
  if (!/^[A-Za-z0-9_-]{16}$/.test(fileId)) return undefined;
  return executor
    .selectFrom("recording_files")
    .innerJoin("recordings", "recordings.id", "recording_files.recording_id")
    .select([
      "recording_files.id",
      "recording_files.kind",
      "recording_files.format",
      "recording_files.content_type",
      "recording_files.storage_key",
      "recording_files.byte_size",
      "recordings.title",
      "recordings.status",
    ])
    .where("recording_files.id", "=", fileId)
    .where("recording_files.recording_id", "=", recordingId)
    .executeTakeFirst();
}

/**
 * The newest published recording of a webinar, for the webinar's own page ("Watch the recording"):
 * only its id, which says nothing a visitor to the public webinar page could not learn by asking.
 */
export async function publishedRecordingOf(webinarId: number): Promise<{ id: number } | null> {
  const row = await db()
    .selectFrom("recordings")
    .select("id")
    .where("webinar_id", "=", webinarId)
    .where("status", "=", "published")
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row ?? null;
}
