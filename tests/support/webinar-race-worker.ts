/**
 * One process of the capacity race (tests/integration/webinar-capacity.test.ts): registers each
 * member given and has staff approve them, all at once, against the shared SQLite file. Prints how
 * the approvals came out.
 */
import { closeDb } from "~/db.server";
import { approveRegistrations } from "~/webinars/approve-registration.server";
import { registerForWebinar } from "~/webinars/register-for-webinar.server";

const [webinarId, adminId, memberIds] = [Number(process.argv[2]), Number(process.argv[3]), (process.argv[4] ?? "").split(",").map(Number)];
const outcomes = { approved: 0, waitlisted: 0 };
await Promise.all(
  memberIds.map(async (memberId) => {
    const registered = await registerForWebinar(memberId, webinarId);
    if (!("registration" in registered)) throw new Error(`member ${memberId} could not register: ${registered.outcome}`);
    const decided = await approveRegistrations(adminId, webinarId, [registered.registration.id]);
    if (!decided.ok) throw new Error(decided.error);
    outcomes.approved += decided.approved;
    outcomes.waitlisted += decided.waitlisted;
  }),
);
await closeDb();
console.log(JSON.stringify(outcomes));
