import { Link, Text } from "@react-email/components";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defineEmail } from "#emails/define";
import { signInCodeEmail } from "#emails/sign-in-code";
import type { Database } from "~/db.server";
import { enqueueBulkEmail, type BulkRecipient } from "~/mail/bulk.server";
import { getCapturedMail } from "~/mail/captured-mail.server";
import { deliverDueEmails } from "~/mail/delivery.server";
import { placeholder } from "~/mail/placeholders.server";
import { createMailTransport, type MailTransport } from "~/mail/transport.server";
import { clearDatabase, testDatabase } from "../support/database";
import { SmtpSink } from "../support/smtp-sink";

// A campaign email like the bulletin will send: shared content with a greeting and an unsubscribe link per recipient.
const newsletterEmail = defineEmail<{ month: string; fullName: string; unsubscribeUrl: string }>({
  name: "test-newsletter",
  subject: ({ month }) => `Network news for ${month}`,
  Body: ({ month, fullName, unsubscribeUrl }) => (
    <>
      <Text>Dear {fullName},</Text>
      <Text>Here is what happened in the network in {month}.</Text>
      <Text>
        <Link href={unsubscribeUrl}>Stop these emails</Link>
      </Text>
    </>
  ),
});
const props = { month: "January 2027", fullName: placeholder("name"), unsubscribeUrl: placeholder("unsubscribe") };

function recipient(to: string, name: string): BulkRecipient {
  const unsubscribe = `https://portal.example.org/unsubscribe/${encodeURIComponent(to)}?t=abc&x=1`;
  return {
    to,
    vars: { name, unsubscribe },
    headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

let database: Database;
const sink = new SmtpSink();
let transport: MailTransport;
beforeAll(async () => {
  database = await testDatabase();
  await sink.start();
  transport = createMailTransport(sink.url);
});
afterAll(async () => {
  transport.close();
  await sink.stop();
});
beforeEach(async () => {
  await clearDatabase(database);
  sink.received.length = 0;
});

describe("bulk email", () => {
  it("stores the body once and sends each recipient their own name (HTML-escaped), link and headers", async () => {
    const recipients = [recipient("asha@nhs.net", "Asha Patel"), recipient("sian@nhs.net", "Siân O'Neil & <Co>"), recipient("tom@nhs.net", "Tom")];
    const result = await enqueueBulkEmail(database, { campaignKey: "news:2027-01", template: newsletterEmail, props, recipients });
    expect(result.queued).toBe(3);
    expect(await database.selectFrom("outbox_bodies").select("id").execute()).toHaveLength(1);
    const rows = await database.selectFrom("outbox").selectAll().orderBy("id").execute();
    expect(rows.map((row) => [row.to_address, row.subject, row.html, row.text, row.body_id])).toEqual(
      recipients.map((r) => [r.to, "Network news for January 2027", "", "", result.bodyId]),
    );

    expect(await deliverDueEmails(database, transport)).toMatchObject({ sent: 3 });
    await expect.poll(() => sink.received.length).toBe(3);
    const sian = sink.received.find((mail) => mail.to.includes("sian@nhs.net"));
    expect(sian?.text).toContain("Dear Siân O'Neil & <Co>,");
    expect(sian?.html).toContain("Dear Siân O&#39;Neil &amp; &lt;Co&gt;,");
    expect(sian?.html).toContain('href="https://portal.example.org/unsubscribe/sian%40nhs.net?t=abc&amp;x=1"');
    expect(sian?.text).toContain("https://portal.example.org/unsubscribe/sian%40nhs.net?t=abc&x=1");
    // mailparser gathers the List-* headers under "list".
    expect(JSON.parse(sian?.headers.list ?? "{}")).toEqual({
      unsubscribe: { url: "https://portal.example.org/unsubscribe/sian%40nhs.net?t=abc&x=1" },
      "unsubscribe-post": { name: "List-Unsubscribe=One-Click" },
    });
    const tom = sink.received.find((mail) => mail.to.includes("tom@nhs.net"));
    expect(tom?.text).toContain("Dear Tom,");
    expect(tom?.text).not.toContain("spn:");

    // Sent: what was kept only to send each copy (its link, its headers) is gone; the record stays.
    const sent = await database.selectFrom("outbox").selectAll().orderBy("id").execute();
    expect(JSON.stringify(sent)).not.toContain("t=abc");
    expect(sent.map((row) => [row.to_address, row.status, row.vars_json, row.headers_json])).toEqual(recipients.map((r) => [r.to, "sent", null, "{}"]));
  });

  it("queues a campaign again without doubling anyone, adding only new recipients", async () => {
    const request = { campaignKey: "news:2027-02", template: newsletterEmail, props, recipients: [recipient("a@nhs.net", "A")] };
    await enqueueBulkEmail(database, request);
    const again = await enqueueBulkEmail(database, { ...request, recipients: [recipient("a@nhs.net", "A"), recipient("b@nhs.net", "B")] });
    expect(again.queued).toBe(1);
    expect((await database.selectFrom("outbox").select("to_address").execute()).map((r) => r.to_address).sort()).toEqual(["a@nhs.net", "b@nhs.net"]);
  });

  it("inserts in batches", async () => {
    const recipients = Array.from({ length: 1_203 }, (_, i) => recipient(`member${i}@nhs.net`, `Member ${i}`));
    const result = await enqueueBulkEmail(database, { campaignKey: "news:big", template: newsletterEmail, props, recipients }, { batchSize: 500 });
    expect(result.queued).toBe(1_203);
    const count = await database.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1_203);
  });

  it("shows a bulk message in captured mail as its recipient gets it", async () => {
    await enqueueBulkEmail(database, { campaignKey: "news:capture", template: newsletterEmail, props, recipients: [recipient("c@nhs.net", "Cara")] });
    const row = await database.selectFrom("outbox").select("id").executeTakeFirstOrThrow();
    const shown = await getCapturedMail(row.id);
    expect(shown.text).toContain("Dear Cara,");
    expect(shown.html).toContain("Cara");
  });

  it("refuses a recipient without a value for a placeholder, a call inside a transaction, and a security email", async () => {
    await expect(
      enqueueBulkEmail(database, { campaignKey: "news:x", template: newsletterEmail, props, recipients: [{ to: "x@nhs.net", vars: { name: "X" } }] }),
    ).rejects.toThrow('Recipient x@nhs.net has no value for the placeholder "unsubscribe"');
    await expect(
      database.transaction().execute((trx) =>
        enqueueBulkEmail(trx, { campaignKey: "news:y", template: newsletterEmail, props, recipients: [recipient("y@nhs.net", "Y")] }),
      ),
    ).rejects.toThrow(/outside a transaction/);
    await expect(
      enqueueBulkEmail(database, {
        campaignKey: "codes",
        template: signInCodeEmail,
        props: { link: "https://portal.example.org/verify/a?token=b", code: placeholder("code"), validMinutes: 30, asked: "sign-in" },
        recipients: [{ to: "z@nhs.net", vars: { code: "123456" } }],
      }),
    ).rejects.toThrow(/holds a secret/);
    expect(await database.selectFrom("outbox").select("id").execute()).toHaveLength(0);
  });
});
