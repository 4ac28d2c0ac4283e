import { sql, type AliasedRawBuilder, type Kysely } from "kysely";
import type { DB } from "#db/schema";

/**
 * Full-text search over recordings: the only module that knows the index is SQLite FTS5. Everything
 * else asks it for the words a search uses and for `hits`, a derived table of matching recording ids
 * with their rank, and joins that like any other table. Moving to another database (PostgreSQL's
 * tsvector, say) means rewriting this file and a migration that installs the new index, nothing else.
 *
 * The index holds its own copy of each recording's searchable text, written by `indexRecording` in
 * the same transaction as the change it reflects, so search never disagrees with the library.
 */

/** The searchable text of one recording. Themes as their labels, so "isolation" finds a theme too. */
export interface SearchDocument {
  id: number;
  title: string;
  speakers: string;
  themes: string;
  description: string;
  /** The plain text of the captions ("" without captions). */
  captions: string;
}

const INDEX = "recordings_fts";

/**
 * Creates the index (called by migration 0007 only). Porter stemming on top of unicode61, so "lonely"
 * finds "loneliness" and accents do not matter. Changing the index's shape needs a new migration.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run on any schema
export async function installRecordingSearchIndex(db: Kysely<any>): Promise<void> {
  await sql`create virtual table ${sql.raw(INDEX)} using fts5(
    title, speakers, themes, description, captions,
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run on any schema
export async function dropRecordingSearchIndex(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists ${sql.raw(INDEX)}`.execute(db);
}

/**
 * Adds or replaces a recording's entry. Pass the transaction that changed the recording. Without
 * `captions` the entry keeps the captions text it had (details changed, captions did not).
 */
export async function indexRecording(executor: Kysely<DB>, doc: Omit<SearchDocument, "captions"> & { captions?: string }): Promise<void> {
  let captions = doc.captions;
  if (captions === undefined) {
    const { rows } = await sql<{ captions: string }>`select captions from ${sql.raw(INDEX)} where rowid = ${doc.id}`.execute(executor);
    captions = rows[0]?.captions ?? "";
  }
  await removeFromRecordingSearch(executor, doc.id);
  await sql`insert into ${sql.raw(INDEX)} (rowid, title, speakers, themes, description, captions)
    values (${doc.id}, ${doc.title}, ${doc.speakers}, ${doc.themes}, ${doc.description}, ${captions})`.execute(executor);
}

export async function removeFromRecordingSearch(executor: Kysely<DB>, id: number): Promise<void> {
  await sql`delete from ${sql.raw(INDEX)} where rowid = ${id}`.execute(executor);
}

const MAX_TERMS = 12;
const PREFIX_FROM = 4;

/**
 * The words of a search as the index sees them: letters and digits only, so nothing a member types
 * can reach FTS5's query syntax (quotes, NEAR, column filters, `*`). At most 12 words.
 */
export function searchTerms(text: string): string[] {
  const words = text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_TERMS);
}

export interface SearchHit {
  recording_id: number;
  /**
   * Where the words were found: 2 when every word is in the title, 1 when every word is in the speakers,
   * themes or description, 0 when only with the captions' help. Results come in this order, newest first
   * within each. (FTS5's bm25 would rank within these too, but it reads every match's word positions:
   * with 5,000 recordings of an hour's captions, a search for common words took 7 ms instead of 1.)
   */
  tier: number;
}

/**
 * Recordings containing every word (after stemming) in any field, as a derived table named `hits`:
 * join `hits.recording_id` to `recordings.id` and order by `hits.tier desc`, then newest first.
 * Undefined when the text has no words to search for.
 */
export function recordingHits(terms: readonly string[]): AliasedRawBuilder<SearchHit, "hits"> | undefined {
  if (terms.length === 0) return undefined;
  // Each word is stemmed (porter) and matched as a prefix of the stem, so "lonely" (stem "lone")
  // also finds "loneliness" (stem "loneli"). Short words match whole, or "art" would find "arthritis".
  const phrase = terms.map((term) => (term.length >= PREFIX_FROM ? `"${term}"*` : `"${term}"`)).join(" ");
  const inTitle = `{title} : (${phrase})`;
  const inDetails = `{speakers themes description} : (${phrase})`;
  return sql<SearchHit>`(
    select rowid as recording_id,
      case
        when rowid in (select rowid from ${sql.raw(INDEX)} where ${sql.raw(INDEX)} match ${inTitle}) then 2
        when rowid in (select rowid from ${sql.raw(INDEX)} where ${sql.raw(INDEX)} match ${inDetails}) then 1
        else 0
      end as tier
    from ${sql.raw(INDEX)}
    where ${sql.raw(INDEX)} match ${phrase}
  )`.as("hits");
}
