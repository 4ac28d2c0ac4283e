/** Escapes %, _ and \ for a SQL LIKE pattern written with `escape '\'`, so user text matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}
