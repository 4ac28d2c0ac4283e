/** The positive whole-number id in a route parameter; anything else is "not found". */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) throw new Response(null, { status: 404 });
  return id;
}

/** The ?page= number of a paged list; anything unreadable is the first page (the list clamps the rest). */
export function pageParam(searchParams: URLSearchParams): number {
  const page = Number.parseInt(searchParams.get("page") ?? "1", 10);
  return Number.isFinite(page) ? page : 1;
}
