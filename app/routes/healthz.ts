import { sql } from "kysely";
import { db } from "~/db.server";
import { outboxHealth } from "~/mail/outbox.server";

/** For load balancers and operators: the database answers, how much mail is waiting, and how much failed lately. */
export async function loader() {
  try {
    await sql`select 1`.execute(db());
    const outbox = await outboxHealth(db());
    return Response.json(
      { status: "ok", database: "ok", outboxBacklog: outbox.backlog, outboxFailedLastDay: outbox.failedLastDay },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return Response.json(
      { status: "error", database: "unreachable", error: error instanceof Error ? error.message : String(error) },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
