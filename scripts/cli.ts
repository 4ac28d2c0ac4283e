import { Command } from "commander";
import { migrateToLatest } from "#db/database";
import { testMessageEmail } from "#emails/test-message";
import { closeDb, db } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";

/** Operator tasks: `npm run cli -- <command>`; `npm run cli -- --help` lists them. */
const program = new Command()
  .name("npm run cli --")
  .description("Operator tasks for the Social Prescribing Network portal. Reads the same environment as the server.")
  .hook("preAction", async () => {
    await migrateToLatest(db());
  })
  .hook("postAction", async () => {
    await closeDb();
  });

program
  .command("send-test-email")
  .description("queue a test email to an address (delivered by the running server's worker)")
  .argument("<to>", "recipient address")
  .action(async (to: string) => {
    const { messageId } = await enqueueEmail(db(), {
      to,
      template: testMessageEmail,
      props: { note: `Queued from the command line at ${new Date().toISOString()}.` },
    });
    console.log(`Queued ${messageId} to ${to}.`);
  });

program
  .command("outbox")
  .description("count outbox messages by status and show the last failures")
  .action(async () => {
    const counts = await db()
      .selectFrom("outbox")
      .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy("status")
      .execute();
    for (const row of counts) console.log(`${row.status}: ${row.count}`);
    const failures = await db()
      .selectFrom("outbox")
      .select(["id", "to_address", "subject", "last_error"])
      .where("status", "=", "failed")
      .orderBy("id", "desc")
      .limit(10)
      .execute();
    for (const f of failures) console.log(`failed #${f.id} to ${f.to_address} (${f.subject}): ${f.last_error}`);
  });

await program.parseAsync();
