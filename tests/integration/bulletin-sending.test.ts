import { beforeEach, describe, expect, it } from "vitest";
import { bulletinFigures, cancelSchedule, findBulletin, scheduleBulletin } from "~/bulletin/bulletins.server";
import { bulletinQueueJob } from "~/bulletin/jobs.server";
import { queueBulletin, queueCopies, recordNextRecipients } from "~/bulletin/sending.server";
import { unsubscribeTokenOwner } from "~/bulletin/unsubscribe-token.server";
import { hashLinkToken, listUnsubscribeHeaders } from "~/mail/unsubscribe-links.server";
import { unsubscribeWithToken } from "~/bulletin/unsubscribe.server";
import { testClock } from "~/clock.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { runDueJobs } from "~/jobs/jobs.server";
import { countCopies, deliverAll, recipientsOf, sendAndQueue, unsubscribeTokenFor, writeBulletin } from "../support/bulletin";
import { createAdmin, createMember, setUpDatabaseTests } from "../support/fixtures";
import { headerValues, useRawSmtpSink } from "../support/raw-smtp-sink";

const { database } = setUpDatabaseTests();
const mail = useRawSmtpSink();
const { sink } = mail;
beforeEach(() => {
  sink.received.length = 0;
  sink.refuse.clear();
});

const subscriber = (email?: string) => createMember({ bulletin_opt_in: 1, ...(email ? { email } : {}) });

describe("sending a bulletin", () => {
  it("gives every copy well-formed List-Unsubscribe and List-Unsubscribe-Post headers with the member's own random link, stored only hashed", async () => {
    const admin = await createAdmin();
    const members = [await subscriber(), await subscriber(), await subscriber()];
    const id = await writeBulletin(admin.id);
    expect(await sendAndQueue(admin.id, id)).toBe(3);
    await deliverAll(mail.transport);

    expect(sink.received.map((mail) => mail.to[0]).sort()).toEqual(members.map((m) => m.email).sort());
    const tokens = new Set<string>();
    const stored = JSON.stringify(await database.selectFrom("bulletin_unsubscribe_tokens").selectAll().execute());
    for (const mail of sink.received) {
      const member = members.find((m) => m.email === mail.to[0])!;
      const [listUnsubscribe, ...extraLists] = headerValues(mail.raw, "List-Unsubscribe");
      expect(extraLists).toEqual([]);
      // RFC 2369: angle-bracketed URIs separated by commas; RFC 8058: an HTTPS one for the POST (http in tests).
      const match = /^<(https?:\/\/[^<>\s]+)>,\s*<(mailto:[^<>\s]+)>$/.exec(listUnsubscribe ?? "");
      expect(match, listUnsubscribe).not.toBeNull();
      const [, web, mailto] = match!;
      const url = new URL(web!);
      expect(url.origin).toBe("http://localhost:3000");
      const token = /^\/unsubscribe\/([a-z2-7]{32})$/.exec(url.pathname)?.[1];
      expect(token, url.pathname).toBeDefined();
      // Random: nothing of the member's address in it, different in every copy, and the database has only its hash.
      expect(token).not.toContain(member.email.split("@")[0]);
      tokens.add(token!);
      expect(stored).not.toContain(token);
      expect(stored).toContain(hashLinkToken(token!));
      expect(await unsubscribeTokenOwner(database, token!)).toBe(member.id);
      expect(mailto).toBe("mailto:network@spn.example.org?subject=unsubscribe");
      expect(headerValues(mail.raw, "List-Unsubscribe-Post")).toEqual(["List-Unsubscribe=One-Click"]);
      // The link in the body is the same address (quoted-printable may wrap it, so compare without soft breaks).
      expect(mail.raw.replace(/=\r?\n/g, "")).toContain(url.pathname);
    }
    expect(tokens.size).toBe(3);
  });

  it("offers one-click (List-Unsubscribe-Post) only for an https link, or this machine's for development", () => {
    const mailto = "<mailto:network@spn.example.org?subject=unsubscribe>";
    const token = "abcdefghijklmnopqrstuvwxyz234567";
    expect(listUnsubscribeHeaders(`https://portal.example.org/unsubscribe/${token}`)).toEqual({
      "List-Unsubscribe": `<https://portal.example.org/unsubscribe/${token}>, ${mailto}`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(listUnsubscribeHeaders(`http://portal.example.org/unsubscribe/${token}`)).toEqual({
      "List-Unsubscribe": `<http://portal.example.org/unsubscribe/${token}>, ${mailto}`,
    });
    expect(listUnsubscribeHeaders(`http://localhost:3000/unsubscribe/${token}`)).toHaveProperty("List-Unsubscribe-Post");
  });

  it("goes only to active members who subscribed and whose address the mail server has not refused", async () => {
    const admin = await createAdmin();
    const yes = await subscriber("yes@nhs.net");
    await createMember({ email: "not-subscribed@nhs.net", bulletin_opt_in: 0 });
    await createMember({ email: "pending@nhs.net", bulletin_opt_in: 1, status: "pending" });
    await createMember({ email: "removed@nhs.net", bulletin_opt_in: 1, status: "removed" });
    const refused = await subscriber("refused@nhs.net");
    const changed = await subscriber("changed@nhs.net");
    const at = new Date().toISOString();
    await database
      .insertInto("bulletin_bounces")
      .values([
        { user_id: refused.id, email: "refused@nhs.net", smtp_code: 550, bulletin_id: null, bounced_at: at },
        // Refused at an address they have since changed: the refusal no longer applies.
        { user_id: changed.id, email: "old-address@nhs.net", smtp_code: 550, bulletin_id: null, bounced_at: at },
      ])
      .execute();
    const id = await writeBulletin(admin.id);
    await sendAndQueue(admin.id, id);
    expect(await recipientsOf(id)).toEqual(["changed@nhs.net", yes.email].sort());
  });

  it("does not send the next bulletin to a member who unsubscribed", async () => {
    const admin = await createAdmin();
    const leaving = await subscriber("leaving@nhs.net");
    const staying = await subscriber("staying@nhs.net");
    const first = await writeBulletin(admin.id);
    await sendAndQueue(admin.id, first);
    expect(await recipientsOf(first)).toEqual([leaving.email, staying.email]);

    await unsubscribeWithToken(await unsubscribeTokenFor(leaving.id), "one-click");
    const second = await writeBulletin(admin.id);
    await sendAndQueue(admin.id, second);
    expect(await recipientsOf(second)).toEqual([staying.email]);
    expect((await bulletinFigures([first])).get(first)?.unsubscribed).toBe(1);
  });

  it("carries on after queueing stopped half way, without skipping or repeating anyone", async () => {
    const admin = await createAdmin();
    for (let i = 0; i < 9; i++) await subscriber();
    const id = await writeBulletin(admin.id);
    await database.updateTable("bulletins").set({ status: "sending" }).where("id", "=", id).execute();
    // A first run recorded and queued three members, recorded two more, and died before queueing them.
    const bulletin = (await findBulletin(id))!;
    await queueCopies(database, bulletin, await recordNextRecipients(database, id, 3));
    expect(await recordNextRecipients(database, id, 2)).toHaveLength(2);
    expect(await countCopies(id)).toBe(5);
    expect(await database.selectFrom("outbox").select("id").execute()).toHaveLength(3);

    // Run again, in small batches: the two recorded first, then the rest.
    expect(await queueBulletin(database, { bulletinId: id }, { batchSize: 2 })).toBe(6);
    expect(await countCopies(id)).toBe(9);
    const outbox = await database.selectFrom("outbox").select("to_address").execute();
    expect(outbox).toHaveLength(9);
    expect(new Set(outbox.map((row) => row.to_address)).size).toBe(9);
    expect(await findBulletin(id)).toMatchObject({ status: "sent", recipient_count: 9 });

    // Running the job again (a retry after a crash at the very end) adds nothing.
    await database.updateTable("bulletins").set({ status: "sending" }).where("id", "=", id).execute();
    await bulletinQueueJob.handler({ bulletinId: id, scheduledFor: null }, undefined as never);
    expect(await database.selectFrom("outbox").select("id").execute()).toHaveLength(9);
  });

  it("sends a scheduled bulletin at its time; a moved or cancelled schedule leaves no stray send", async () => {
    testClock.freeze("2027-01-10T09:00:00Z");
    const admin = await createAdmin();
    await subscriber();
    const moved = await writeBulletin(admin.id);
    const cancelled = await writeBulletin(admin.id);
    // 10:00 and 11:00 UK time (GMT in January).
    expect(await scheduleBulletin(admin.id, moved, { date: "2027-01-10", time: "10:00" })).toEqual({ ok: true });
    expect(await scheduleBulletin(admin.id, moved, { date: "2027-01-10", time: "11:00" })).toEqual({ ok: true });
    expect(await scheduleBulletin(admin.id, cancelled, { date: "2027-01-10", time: "10:00" })).toEqual({ ok: true });
    expect(await cancelSchedule(admin.id, cancelled)).toBe(true);

    testClock.freeze("2027-01-10T10:00:00Z");
    await runDueJobs(database, jobHandlers());
    expect(await countCopies(moved)).toBe(0);
    expect(await findBulletin(moved)).toMatchObject({ status: "scheduled" });

    testClock.freeze("2027-01-10T11:00:00Z");
    await runDueJobs(database, jobHandlers());
    expect(await countCopies(moved)).toBe(1);
    expect(await findBulletin(moved)).toMatchObject({ status: "sent", send_started_at: "2027-01-10T11:00:00.000Z" });
    expect(await countCopies(cancelled)).toBe(0);
    expect(await findBulletin(cancelled)).toMatchObject({ status: "draft" });
  });

  it("refuses a time in the past, too soon or too far off, a day that does not exist and a time the clocks skip", async () => {
    testClock.freeze("2027-03-27T12:00:00Z");
    const admin = await createAdmin();
    const id = await writeBulletin(admin.id);
    expect(await scheduleBulletin(admin.id, id, { date: "2027-03-27", time: "12:02" })).toMatchObject({ ok: false, field: "time" });
    expect(await scheduleBulletin(admin.id, id, { date: "2027-02-30", time: "09:00" })).toMatchObject({ ok: false, field: "date" });
    expect(await scheduleBulletin(admin.id, id, { date: "2028-06-01", time: "09:00" })).toMatchObject({ ok: false, field: "date" });
    // The clocks go forward on 28 March 2027: 01:30 never happens, and 09:30 is British Summer Time, 08:30 UTC.
    expect(await scheduleBulletin(admin.id, id, { date: "2027-03-28", time: "01:30" })).toEqual({
      ok: false,
      field: "time",
      message: "That time does not exist on that day in the UK, because the clocks go forward. Choose another time",
    });
    expect(await findBulletin(id)).toMatchObject({ status: "draft", scheduled_for: null });
    expect(await scheduleBulletin(admin.id, id, { date: "2027-03-28", time: "09:30" })).toEqual({ ok: true });
    expect(await findBulletin(id)).toMatchObject({ scheduled_for: "2027-03-28T08:30:00.000Z" });
  });
});

describe("a permanent refusal", () => {
  it("(550 5.1.1 at RCPT TO) pauses the bulletin to that address, counts as bounced, and asks the member", async () => {
    const admin = await createAdmin();
    const gone = await subscriber("gone@nhs.net");
    await subscriber("here@nhs.net");
    sink.refuse.add("gone@nhs.net");
    const first = await writeBulletin(admin.id);
    await sendAndQueue(admin.id, first);
    // Delivered as the worker delivers, telling the features of each email refused for good.
    await deliverAll(mail.transport);

    expect(sink.received.map((mail) => mail.to[0])).toEqual(["here@nhs.net"]);
    expect(await database.selectFrom("bulletin_bounces").selectAll().execute()).toEqual([
      expect.objectContaining({ user_id: gone.id, email: "gone@nhs.net", smtp_code: 550, bulletin_id: first }),
    ]);
    expect((await bulletinFigures([first])).get(first)).toMatchObject({ recipients: 2, sent: 1, bounced: 1, queued: 0 });

    // Paused, not unsubscribed: the consent stays, the next bulletin skips the address.
    const second = await writeBulletin(admin.id);
    await sendAndQueue(admin.id, second);
    expect(await recipientsOf(second)).toEqual(["here@nhs.net"]);
    expect(await database.selectFrom("users").select("bulletin_opt_in").where("id", "=", gone.id).executeTakeFirst()).toEqual({ bulletin_opt_in: 1 });
  });
});
