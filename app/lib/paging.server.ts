import { sql, type SelectQueryBuilder } from "kysely";

export interface Page<Row> {
  rows: Row[];
  total: number;
  /** The page shown: the one asked for, kept within 1 … pageCount. */
  page: number;
  pageCount: number;
}

/**
 * One page of a filtered list. `filtered` is the query with its joins and conditions but no
 * select; `select` adds the columns and order. An out-of-range page shows the nearest page.
 */
export async function paginate<DB, TB extends keyof DB, Row>(
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a query with nothing selected yet
  filtered: SelectQueryBuilder<DB, TB, {}>,
  options: { page?: number; pageSize: number },
  select: (query: SelectQueryBuilder<DB, TB, {}>) => SelectQueryBuilder<DB, TB, Row>,
): Promise<Page<Row>> {
  // The generic query cannot name its selection's type, so say what count(*) gives.
  const { count } = await filtered
    .select(sql<number>`count(*)`.as("count"))
    .$castTo<{ count: number }>()
    .executeTakeFirstOrThrow();
  const total = Number(count);
  const pageCount = Math.max(1, Math.ceil(total / options.pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const rows = await select(filtered)
    .limit(options.pageSize)
    .offset((page - 1) * options.pageSize)
    .execute();
  return { rows, total, page, pageCount };
}
