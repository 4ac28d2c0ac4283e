/**
 * Fixtures for the webinar benchmarks (bench/webinars.ts). Fictional people with example addresses; the
 * meeting link is an example one.
 *
 *   const { webinarId } = await seedJoiningLinkBench(db(), { registrants: 2000 });
 *   await sendDueJoiningLinks(webinarId);            // queues 2,000 joining-link emails
 *   await addJoiningPageTokens(db(), webinarId, [token]);  // so GET /j/<token> opens a joining page
 *
 * Tokens are stored as keyed hashes (SESSION_SECRET), so a server answering /j/<token> must run with the same
 * SESSION_SECRET as the process that called addJoiningPageTokens.
 */
import { hashSecret } from "~/auth/tokens.server";
import { now, nowIso } from "~/clock.server";
import type { Database } from "~/db.server";

const BATCH = 500;

/**
 * A webinar starting 45 minutes from now (so its joining links are due now and its Join button opens in
 * 15 minutes) with `registrants` approved members who have not had a link yet. Returns its id.
 */
export async function seedJoiningLinkBench(
  database: Database,
  options: { registrants: number; capacity?: number; /** A fixed id, so page paths can be written before seeding. */ id?: number },
): Promise<{ webinarId: number }> {
  const at = nowIso();
  const startsAt = new Date(now().getTime() + 45 * 60_000);
  return database.transaction().execute(async (trx) => {
    const webinar = await trx
      .insertInto("webinars")
      .values({
        ...(options.id !== undefined && { id: options.id }),
        title: "Benchmark webinar",
        description: "A webinar for benchmarks.",
        speakers: "",
        audience: "",
        starts_at: startsAt.toISOString(),
        ends_at: new Date(startsAt.getTime() + 60 * 60_000).toISOString(),
        capacity: options.capacity ?? Math.max(options.registrants, 1),
        meeting_url: "https://meet.example.org/spn-bench",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const stamp = Date.now();
    for (let start = 0; start < options.registrants; start += BATCH) {
      const count = Math.min(BATCH, options.registrants - start);
      const users = await trx
        .insertInto("users")
        .values(
          Array.from({ length: count }, (_, index) => ({
            email: `bench.${stamp}.${start + index}@nhs.net`,
            full_name: `Bench Member ${start + index}`,
            organisation: "Benchmark PCN",
            job_role: "link-worker",
            region: "london",
            workspace_interests_json: "[]",
            bulletin_opt_in: 0 as const,
            events_opt_in: 0 as const,
            status: "active" as const,
            email_verified_at: at,
            created_at: at,
            updated_at: at,
          })),
        )
        .returning("id")
        .execute();
      await trx
        .insertInto("webinar_registrations")
        .values(users.map((user) => ({ webinar_id: webinar.id, user_id: user.id, status: "approved" as const, registered_at: at, decided_at: at, updated_at: at })))
        .execute();
    }
    return { webinarId: webinar.id };
  });
}

/** Stores personal joining-link tokens for the webinar's approved registrants (round-robin), so /j/<token> opens their page. */
export async function addJoiningPageTokens(database: Database, webinarId: number, tokens: readonly string[]): Promise<void> {
  const registrations = await database.selectFrom("webinar_registrations").select("id").where("webinar_id", "=", webinarId).where("status", "=", "approved").orderBy("id").execute();
  if (registrations.length === 0) throw new Error("the webinar has no approved registrants");
  const at = nowIso();
  for (let start = 0; start < tokens.length; start += BATCH) {
    await database
      .insertInto("webinar_link_tokens")
      .values(
        tokens.slice(start, start + BATCH).map((token, index) => ({
          registration_id: (registrations[(start + index) % registrations.length] as { id: number }).id,
          token_hash: hashSecret(token),
          created_at: at,
        })),
      )
      .execute();
  }
}
