import { sql, type SelectQueryBuilder } from "kysely";

export interface Page<Row> {
  rows: Row[];
  total: number;
  /** The page shown: the one asked for, kept within 1 … pageCount. */
  page: number;
  pageCount: number;
}

/**
 * One page of a filtered list. `filtered` is the query with its conditions but no select (it is
 * counted as it is, so keep joins that do not filter out of it); `select` adds joins for display,
 * the columns and the order. An out-of-range page shows the nearest page.
 */
export async function paginate<DB, TB extends keyof DB, Row>(
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a query with nothing selected yet
  filtered: SelectQueryBuilder<DB, TB, {}>,
  /** `count`: a cheaper way to the number of rows `filtered` finds, where the caller knows one. */
  options: { page?: number; pageSize: number; count?: () => Promise<number> },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- joins added for display change the table list
  select: (query: SelectQueryBuilder<DB, TB, {}>) => SelectQueryBuilder<DB, any, Row>,
): Promise<Page<Row>> {
  const total = options.count ? await options.count() : await countRows(filtered);
  const pageCount = Math.max(1, Math.ceil(total / options.pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const rows = await select(filtered)
    .limit(options.pageSize)
    .offset((page - 1) * options.pageSize)
    .execute();
  return { rows, total, page, pageCount };
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a query with nothing selected yet
async function countRows<DB, TB extends keyof DB>(filtered: SelectQueryBuilder<DB, TB, {}>): Promise<number> {
  // The generic query cannot name its selection's type, so say what count(*) gives.
  const { count } = await filtered
    .select(sql<number>`count(*)`.as("count"))
    .$castTo<{ count: number }>()
    .executeTakeFirstOrThrow();
  return Number(count);
}
