/** The positive whole-number id in a route parameter; anything else is "not found". */
export function memberIdParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) throw new Response(null, { status: 404 });
  return id;
}
