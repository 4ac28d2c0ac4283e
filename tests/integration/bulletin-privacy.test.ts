import { expect, it } from "vitest";
import { recordPermanentFailure } from "~/bulletin/bounces.server";
import { bulletinFigures } from "~/bulletin/bulletins.server";
import { unsubscribeWithToken } from "~/bulletin/unsubscribe.server";
import { seedDemoData } from "~/demo/seed.server";
import { exportMemberData } from "~/privacy/export.server";
import { leaveNetwork } from "~/privacy/leave.server";
import { deliverAll, refusedCopy, sendAndQueue, unsubscribeTokenFor, writeBulletin } from "../support/bulletin";
import { createAdmin, createMember, setUpDatabaseTests } from "../support/fixtures";
import { useRawSmtpSink } from "../support/raw-smtp-sink";

const { database } = setUpDatabaseTests();
const mail = useRawSmtpSink();

it("a member's download lists the bulletins sent to them, their unsubscribes and a refused address", async () => {
  const admin = await createAdmin();
  const member = await createMember({ bulletin_opt_in: 1 });
  const id = await writeBulletin(admin.id, { subject: "Autumn" });
  await sendAndQueue(admin.id, id);
  await unsubscribeWithToken(await unsubscribeTokenFor(member.id), "one-click");
  await database.transaction().execute((trx) => recordPermanentFailure(trx, refusedCopy(member.email, 550, "550 5.1.1 User unknown")));
  const data = await exportMemberData(member.id);
  expect(data.bulletinsSent).toEqual([expect.objectContaining({ subject: "Autumn", sentTo: member.email, refused: false })]);
  expect(data.bulletinSubscriptionChanges).toEqual([expect.objectContaining({ change: "unsubscribed", how: "one-click" })]);
  expect(data.bulletinAddressRefused).toMatchObject({ address: member.email });
  // The copy's link and the one made for the test above: only their number, as only hashes are kept.
  expect(data.bulletinUnsubscribeLinks).toBe(2);
});

it("leaving removes the member from the bulletin's records but keeps each bulletin's figures", async () => {
  const admin = await createAdmin();
  const leaver = await createMember({ bulletin_opt_in: 1, email: "leaver@nhs.net" });
  await createMember({ bulletin_opt_in: 1, email: "stayer@nhs.net" });
  const id = await writeBulletin(admin.id);
  await sendAndQueue(admin.id, id);
  await deliverAll(mail.transport);
  await unsubscribeWithToken(await unsubscribeTokenFor(leaver.id), "page");
  await database.transaction().execute((trx) => recordPermanentFailure(trx, refusedCopy("leaver@nhs.net", 550, "550 5.1.1 User unknown")));
  const before = (await bulletinFigures([id])).get(id);
  expect(before).toMatchObject({ recipients: 2, sent: 2, unsubscribed: 1 });

  await leaveNetwork(leaver.id);

  expect((await bulletinFigures([id])).get(id)).toEqual(before);
  const rows = await database.selectFrom("bulletin_recipients").select(["user_id", "to_address", "status"]).orderBy("id").execute();
  expect(rows).toContainEqual({ user_id: null, to_address: null, status: "sent" });
  expect(rows.some((row) => row.to_address === "leaver@nhs.net")).toBe(false);
  expect(await database.selectFrom("bulletin_subscription_changes").select(["user_id", "token_hash"]).execute()).toEqual([{ user_id: null, token_hash: null }]);
  expect(await database.selectFrom("bulletin_bounces").selectAll().execute()).toEqual([]);
});

it("demo data adds two sent bulletins and a draft, once", async () => {
  expect(await seedDemoData(database)).toContain("3 bulletins");
  const bulletins = await database.selectFrom("bulletins").select(["status", "is_public", "recipient_count"]).orderBy("id").execute();
  expect(bulletins.map((b) => b.status)).toEqual(["sent", "sent", "draft"]);
  expect(bulletins.filter((b) => b.is_public === 1)).toHaveLength(1);
  expect(bulletins[0]?.recipient_count).toBeGreaterThan(0);
  expect(await seedDemoData(database)).toBe("nothing to add");
});
