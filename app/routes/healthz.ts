import { sql } from "kysely";
import { db } from "~/db.server";
import { outboxBacklog } from "~/mail/outbox.server";

/** For load balancers and operators: the database answers, and how much mail is waiting. */
export async function loader() {
  try {
    await sql`select 1`.execute(db());
    const backlog = await outboxBacklog(db());
    return Response.json({ status: "ok", database: "ok", outboxBacklog: backlog }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return Response.json(
      { status: "error", database: "unreachable", error: error instanceof Error ? error.message : String(error) },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
