import { randomBytes } from "node:crypto";
import type { Insertable } from "kysely";
import type { AuditLogTable, NewUser, SessionsTable } from "#db/schema";
import { nowIso } from "~/clock.server";
import type { Database } from "~/db.server";
import { JOB_ROLES, REGIONS, WORKSPACE_INTERESTS } from "~/membership/profile-options";
import { tombstoneEmail, FORMER_MEMBER_NAME } from "~/privacy/tombstone";

/**
 * The page benchmark's base data, on top of the demo data: a network of fictional members at the size
 * the portal is built for, with the audit entries and sessions such a network accumulates. Rows are
 * made in memory and inserted in large batches inside one transaction (seconds, not minutes).
 */

const FIRST_NAMES = ["Alex", "Bea", "Chidi", "Dana", "Eilidh", "Farah", "Gethin", "Hana", "Imran", "Jess", "Kofi", "Lena", "Mo", "Niamh", "Owen", "Pooja", "Rhys", "Sade", "Theo", "Uma", "Vik", "Wren", "Yusuf", "Zara"];
const LAST_NAMES = ["Abbott", "Bashir", "Cole", "Doyle", "Ekwueme", "Foster", "Gill", "Hart", "Iqbal", "Jones", "Kaur", "Lloyd", "Moss", "Nowak", "Osei", "Patel", "Quinn", "Reyes", "Shaw", "Turner", "Vance", "Walsh", "Young"];
const ORGANISATIONS = ["Primary Care Network", "Health Partnership PCN", "Community Connect (charity)", "ICB", "Surgery", "Wellbeing Trust"];
const PLACES = ["Ashford", "Brookley", "Carrow", "Dunmere", "Elmstead", "Fairholt", "Greyridge", "Hollins", "Kelby", "Larkwood", "Millbeck", "Northcote"];

const BATCH = 500;
const DAY_MS = 24 * 60 * 60_000;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** Adds `count` fictional members (mostly active; some pending, removed or left) with their audit entries and some sessions. */
export async function seedNetwork(database: Database, count: number): Promise<string> {
  const now = Date.parse(nowIso());
  const users: NewUser[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!;
    const place = PLACES[i % PLACES.length]!;
    // Spread over two years, oldest first, so ids and joining dates rise together as they do in life.
    const joined = new Date(now - (count - i) * ((2 * 365 * DAY_MS) / count)).toISOString();
    const roll = i % 50;
    const status = roll === 0 ? "pending" : roll === 1 ? "removed" : roll === 2 ? "left" : "active";
    const left = status === "left";
    users.push({
      email: left ? `placeholder-${i}@removed.invalid` : `${first}.${last}.${i}@nhs.net`.toLowerCase(),
      full_name: left ? FORMER_MEMBER_NAME : `${first} ${last}`,
      organisation: left ? "" : `${place} ${ORGANISATIONS[i % ORGANISATIONS.length]}`,
      job_role: JOB_ROLES[i % JOB_ROLES.length]!.value,
      region: REGIONS[i % REGIONS.length]!.value,
      icb_pcn: i % 3 === 0 ? `${place} PCN` : null,
      workspace_interests_json: JSON.stringify(i % 4 === 0 ? [WORKSPACE_INTERESTS[i % WORKSPACE_INTERESTS.length]!.value] : []),
      bulletin_opt_in: i % 2 === 0 ? 1 : 0,
      events_opt_in: i % 3 === 0 ? 0 : 1,
      status,
      status_reason: status === "removed" ? "No longer works in social prescribing" : null,
      email_verified_at: joined,
      created_at: joined,
      updated_at: joined,
    });
  }

  return database.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("users").select((eb) => eb.fn.max("id").as("max")).executeTakeFirstOrThrow();
    await insertInBatches(users, (batch) => trx.insertInto("users").values(batch).execute());
    const firstId = Number(before.max ?? 0) + 1;
    // Left members' rows carry the tombstone address of their own id, as leaving leaves them.
    const leftRows = await trx.selectFrom("users").select("id").where("id", ">=", firstId).where("status", "=", "left").execute();
    for (const { id } of leftRows) await trx.updateTable("users").set({ email: tombstoneEmail(id) }).where("id", "=", id).execute();

    const admin = await trx.selectFrom("users").select("id").where("email", "=", "demo.admin@nhs.net").executeTakeFirst();
    const audit: Insertable<AuditLogTable>[] = [];
    const sessions: Insertable<SessionsTable>[] = [];
    users.forEach((user, index) => {
      const id = firstId + index;
      const at = user.created_at;
      audit.push({ actor_user_id: id, action: "member.joined", subject_type: "user", subject_id: String(id), details_json: JSON.stringify({ status: "pending" }), at });
      if (user.status !== "pending") {
        audit.push({ actor_user_id: admin?.id ?? null, action: "member.approved", subject_type: "user", subject_id: String(id), details_json: "{}", at });
      }
      if (user.status === "removed") {
        audit.push({ actor_user_id: admin?.id ?? null, action: "member.removed", subject_type: "user", subject_id: String(id), details_json: JSON.stringify({ reason: user.status_reason }), at });
      }
      if (user.status === "active" && index % 10 === 0) {
        const expires = new Date(now + 20 * DAY_MS).toISOString();
        sessions.push({ id: randomBytes(12).toString("base64url"), secret_hash: randomBytes(32).toString("hex"), user_id: id, created_at: at, last_verified_at: at, expires_at: expires });
      }
    });
    await insertInBatches(audit, (batch) => trx.insertInto("audit_log").values(batch).execute());
    await insertInBatches(sessions, (batch) => trx.insertInto("sessions").values(batch).execute());
    return `${users.length} members, ${audit.length} audit entries, ${sessions.length} sessions`;
  });
}
